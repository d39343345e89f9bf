package id.otos.messaging;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

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
	void accountsDependOnNoOtherFeature() {
		assertThat(dependenciesOf("accounts")).isSubsetOf("text");
	}

	@Test
	void categoriesUseOnlyAccountsForTheTeacherPicker() {
		assertThat(dependenciesOf("categories")).isSubsetOf("accounts", "text");
	}

	@Test
	void notificationsOnlyListenToThreadsAndAskAccounts() {
		assertThat(dependenciesOf("notifications")).isSubsetOf("threads", "accounts", "text");
	}

	@Test
	void theAdoptionUsesTheFeaturesItCarriesOverIntoAndNothingUsesIt() {
		assertThat(dependenciesOf("adoption")).isSubsetOf("threads", "accounts", "attachments");
		assertThat(modules.stream()
			.filter((module) -> !module.getIdentifier().toString().equals("adoption"))
			.flatMap((module) -> module.getDirectDependencies(modules).stream())
			.map((dependency) -> dependency.getTargetModule().getIdentifier().toString())).doesNotContain("adoption");
	}

	@Test
	void threadsKnowNothingOfWhoListens() {
		assertThat(dependenciesOf("threads")).doesNotContain("notifications");
	}

	private static Set<String> dependenciesOf(String name) {
		ApplicationModule module = modules.getModuleByName(name).orElseThrow();
		return module.getDirectDependencies(modules)
			.stream()
			.map((dependency) -> dependency.getTargetModule().getIdentifier().toString())
			.collect(Collectors.toSet());
	}

}
