package id.otos.messaging.schema;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and order: every file is {@code V<n>__<snake_case>.sql}, and the versions,
 * compared the way Flyway compares them, run 1, 2, 3, … without duplicates or gaps.
 */
class MigrationFilesTests {

	@Test
	void theProjectsMigrationsAreNamedAndNumberedInOrder() {
		assertThat(Fixtures.project().files().problems()).isEmpty();
		assertThat(Fixtures.project().files().all()).isNotEmpty();
	}

	@Test
	void theMigrationsOfTheBuildAreTheProjectsMigrations() {
		MigrationFiles built = MigrationFiles.onClasspath(MigrationSource.CLASSPATH_FOLDER,
				getClass().getClassLoader());
		assertThat(built.all()).containsExactlyElementsOf(Fixtures.project().files().all());
		assertThat(built.problems()).isEmpty();
	}

	@Test
	void wellNamedConsecutiveMigrationsPass() {
		assertThat(Fixtures.names("valid").problems()).isEmpty();
	}

	@Test
	void twoFilesThatFlywayReadsAsTheSameVersionFail() {
		assertThat(messages(Fixtures.names("duplicate"))).containsExactly(
				"V001__b.sql: the version must not have leading zeros: Flyway reads 001 as 1. Rename it to V1__b.sql"
						+ " (migrations are named V<n>__<snake_case>.sql).",
				"V001__b.sql and V1__a.sql: Flyway reads all of them as version 1 (it treats 7, 007 and 7.0 alike),"
						+ " and a version must be unique. Keep one and renumber the others from V2 on.");
	}

	@Test
	void versionSevenAndSevenPointZeroAreTheSameVersion() {
		assertThat(messages(Fixtures.names("duplicate-decimal"))).containsExactly(
				"V7.0__step_seven_again.sql: the version must be a whole number: Flyway reads 7.0 as version 7."
						+ " Rename it to V7__step_seven_again.sql" + " (migrations are named V<n>__<snake_case>.sql).",
				"V7.0__step_seven_again.sql and V7__step_7.sql: Flyway reads all of them as version 7 (it treats 7,"
						+ " 007 and 7.0 alike), and a version must be unique. Keep one and renumber the others from V8 on.");
	}

	@Test
	void aGapInTheVersionsFails() {
		assertThat(messages(Fixtures.names("gap"))).containsExactly(
				"V3__c.sql: no migration has version 2, so there is a gap before this one (versions run 1, 2, 3, …"
						+ " without gaps). Rename it to V2__c.sql, or restore the missing migration.");
	}

	@Test
	void aFileFlywayWouldSkipFails() {
		assertThat(messages(Fixtures.names("skipped"))).containsExactly(
				"V12_x.sql: the version must be followed by two underscores: Flyway cannot read this name and skips"
						+ " it. Rename it to V12__x.sql (migrations are named V<n>__<snake_case>.sql).");
	}

	@Test
	void everyFileFlywayWouldSkipOrMisreadFails() {
		MigrationFiles files = Fixtures.names("misnamed");
		assertThat(messages(files)).containsExactly(
				"V2__upper_case_suffix.SQL: the extension must be .sql in lower case. Rename it to"
						+ " V2__upper_case_suffix.sql (migrations are named V<n>__<snake_case>.sql).",
				"V3__Not-Snake-Case.sql: the description must be snake_case: lower-case letters and digits joined by"
						+ " single underscores. Rename it to V3__not_snake_case.sql (migrations are named"
						+ " V<n>__<snake_case>.sql).",
				"notes.txt: not a migration: only V<n>__<snake_case>.sql files belong here, and Flyway ignores this"
						+ " one. Move it out of " + files.location() + ".",
				"sub/V4__in_a_subfolder.sql: migrations live directly in " + files.location()
						+ ", not in subfolders (Flyway would still find and run this file). Move it up.",
				"v2__lower_case_prefix.sql: the prefix must be a capital V: Flyway skips this file. Rename it to"
						+ " V2__lower_case_prefix.sql (migrations are named V<n>__<snake_case>.sql).");
	}

	private static List<String> messages(MigrationFiles files) {
		return files.problems().stream().map(MigrationProblem::toString).toList();
	}

}
