package id.otos.messaging.schema;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one file name reads, to Flyway and to our stricter rule.
 */
class MigrationFileNameTests {

	@Test
	void aValidNameHasAVersionAndASnakeCaseDescription() {
		MigrationFileName name = MigrationFileName.of("V12__add_thread_tables.sql");
		assertThat(name.isValid()).isTrue();
		assertThat(name.version()).isEqualTo(12);
		assertThat(name.description()).isEqualTo("add_thread_tables");
		assertThat(name.flywayVersion()).contains(MigrationVersion.fromVersion("12"));
	}

	@Test
	void flywayReadsLeadingZerosAndTrailingZeroPartsAsTheSameVersion() {
		assertThat(MigrationFileName.of("V007__a.sql").flywayVersion()).hasValueSatisfying(
				(version) -> assertThat(version).isEqualByComparingTo(MigrationVersion.fromVersion("7")));
		assertThat(MigrationFileName.of("V7.0__a.sql").flywayVersion()).hasValueSatisfying(
				(version) -> assertThat(version).isEqualByComparingTo(MigrationVersion.fromVersion("7")));
		assertThat(MigrationFileName.of("V7_0__a.sql").flywayVersion()).hasValueSatisfying(
				(version) -> assertThat(version).isEqualByComparingTo(MigrationVersion.fromVersion("7")));
	}

	@Test
	void namesFlywayWouldSkipHaveNoFlywayVersion() {
		assertThat(MigrationFileName.of("V12_x.sql").flywayVersion()).isEmpty();
		assertThat(MigrationFileName.of("v3__x.sql").flywayVersion()).isEmpty();
		assertThat(MigrationFileName.of("notes.txt").flywayVersion()).isEmpty();
	}

	@Test
	void everyDeviationFromTheRuleIsExplained() {
		assertThat(MigrationFileName.of("V0__a.sql").problem()).contains("versions start at 1");
		assertThat(MigrationFileName.of("V__a.sql").problem()).contains("the version is missing");
		assertThat(MigrationFileName.of("V7_1__a.sql").problem())
			.contains("the version must be a whole number: Flyway reads 7_1 as a version between 7 and 8");
		assertThat(MigrationFileName.of("V1a__x.sql").problem()).contains("Flyway cannot read 1a as a version");
		assertThat(MigrationFileName.of("R__refresh_views.sql").problem())
			.hasValueSatisfying((problem) -> assertThat(problem)
				.startsWith("Flyway does not take this name for a versioned migration"));
		assertThat(MigrationFileName.of("V3__add__threads.sql").problem())
			.hasValueSatisfying((problem) -> assertThat(problem).startsWith("the description must be snake_case"));
	}

	@Test
	void theSuggestedNameKeepsTheIntendedVersionAndDescription() {
		assertThat(MigrationFileName.of("V12_x.sql").suggestion(3)).contains("V12__x.sql");
		assertThat(MigrationFileName.of("V007__Add Threads.sql").suggestion(3)).contains("V7__add_threads.sql");
		assertThat(MigrationFileName.of("add_threads.sql").suggestion(3)).contains("V3__add_threads.sql");
		assertThat(MigrationFileName.of("notes.txt").suggestion(3)).isEmpty();
	}

}
