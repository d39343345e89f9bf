package id.otos.messaging;

import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module map of the README true: one package per feature, no cycles, no
 * reaching into another feature's internals, and the dependency directions the map shows.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(MessagingApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseEachOtherOnlyThroughTheirTopLevelPackage() {
		modules.verify();
	}

	@Test
	void theSharedTextRulesDependOnNothing() {
		assertThat(dependenciesOf("text")).isEmpty();
	}

	@Test
	void theDatabaseProbeDependsOnNothing() {
		assertThat(dependenciesOf("database")).isEmpty();
	}

	@Test
	void accountsDependOnNoOtherFeature() {
		assertThat(dependenciesOf("accounts")).isSubsetOf("text");
	}

	@Test
	void categoriesUseOnlyAccountsForTheTeacherPicker() {
		assertThat(dependenciesOf("categories")).isSubsetOf("accounts", "text");
	}

	@Test
	void notificationsOnlyListenToThreadsAndAskAccounts() {
		assertThat(dependenciesOf("notifications")).isSubsetOf("threads", "accounts", "text", "database");
	}

	@Test
	void theAdoptionUsesTheFeaturesItCarriesOverIntoAndNothingUsesIt() {
		assertThat(dependenciesOf("adoption")).isSubsetOf("threads", "accounts", "attachments", "database");
		assertThat(modules.stream()
			.filter((module) -> !module.getIdentifier().toString().equals("adoption"))
			.flatMap((module) -> module.getDirectDependencies(modules).stream())
			.map((dependency) -> dependency.getTargetModule().getIdentifier().toString())).doesNotContain("adoption");
	}

	@Test
	void threadsKnowNothingOfWhoListens() {
		assertThat(dependenciesOf("threads")).doesNotContain("notifications");
	}

	/**
	 * The migration gate, and everything else, uses Flyway's public API only: an internal
	 * class may change or go in any Flyway release, and the gate is what keeps the schema
	 * safe.
	 */
	@Test
	void nothingUsesFlywaysInternalClasses() {
		JavaClasses application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("id.otos.messaging");
		noClasses().should().dependOnClassesThat().resideInAPackage("org.flywaydb.core.internal..").check(application);
	}

	private static Set<String> dependenciesOf(String name) {
		ApplicationModule module = modules.getModuleByName(name).orElseThrow();
		return module.getDirectDependencies(modules)
			.stream()
			.map((dependency) -> dependency.getTargetModule().getIdentifier().toString())
			.collect(Collectors.toSet());
	}

}
