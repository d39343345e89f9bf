package id.otos.messaging.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * squawk lints every migration for PostgreSQL (those PostgreSQL alone reads too): DDL
 * that would block a large live table fails the build, unless the migration ignores the
 * rule on purpose and says why.
 */
class SquawkLintTests {

	private static final Path FIXTURES = Path.of("src", "test", "resources", "schema", "squawk");

	/** Migrations Flyway reads on PostgreSQL alone ({@code db/vendor/{vendor}}). */
	private static final Path POSTGRES_ONLY = Path.of("src", "main", "resources", "db", "vendor", "postgresql");

	@Test
	void everyMigrationPassesSquawk() throws IOException {
		List<Path> migrations = Fixtures.project()
			.files()
			.all()
			.stream()
			.map((file) -> Path.of(MigrationSource.SOURCE_FOLDER, file.path()))
			.collect(Collectors.toCollection(ArrayList::new));
		assertThat(migrations).isNotEmpty();
		try (Stream<Path> postgresOnly = Files.list(POSTGRES_ONLY)) {
			postgresOnly.filter((file) -> file.toString().endsWith(".sql")).sorted().forEach(migrations::add);
		}

		assertThat(Squawk.problems(migrations)).as("squawk on the migrations: fix each statement, or, where the risk"
				+ " is deliberate, put -- squawk-ignore <rule> above it with the reason in a comment line above that")
			.isEmpty();
	}

	@Test
	void aPlainCreateIndexOnALiveTableFails() {
		assertThat(Squawk.problems(List.of(FIXTURES.resolve("unsafe_create_index.sql")))).contains(FIXTURES
			.resolve("unsafe_create_index.sql")
				+ ":3: require-concurrent-index-creation: During normal index creation, table updates are blocked, but"
				+ " reads are still allowed. Use `concurrently` to avoid blocking writes.");
	}

	@Test
	void aNotNullColumnWithoutDefaultOnALiveTableFails() {
		assertThat(Squawk.problems(List.of(FIXTURES.resolve("unsafe_add_required_column.sql"))))
			.contains(FIXTURES.resolve("unsafe_add_required_column.sql")
					+ ":3: adding-required-field: Adding a new column that is `NOT NULL` and has no default value to an"
					+ " existing table effectively makes it required. Make the field nullable or add a non-VOLATILE"
					+ " DEFAULT");
	}

	@Test
	void anIgnoredRuleWithItsReasonPasses() {
		assertThat(Squawk.problems(List.of(FIXTURES.resolve("ignored_with_reason.sql")))).isEmpty();
	}

	@Test
	void anIgnoredRuleWithoutAReasonFails() {
		Path file = FIXTURES.resolve("ignored_without_reason.sql");
		assertThat(Squawk.problems(List.of(file))).containsExactly(file + ":1: \"-- squawk-ignore"
				+ " require-concurrent-index-creation, require-lock-timeout, require-statement-timeout\" gives no"
				+ " reason. Say in a comment line just above it why the rule does not apply here.");
	}

	@Test
	void withoutSquawkTheLintFailsAndSaysHowToInstallIt() {
		Path missing = Path.of("target", "no-such-squawk");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Squawk.locate(missing, Map.of("CI", "true")))
			.withMessage("squawk is not installed (" + missing + "): CI must install it before the build, with npm"
					+ " install --no-audit --no-fund in the project root.");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Squawk.locate(missing, Map.of()))
			.withMessageContaining(
					"the build installs it when it is missing (Maven profile install-squawk runs npm" + " install)");
	}

}
