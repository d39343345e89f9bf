package id.otos.messaging.schema;

import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import id.otos.messaging.schema.TestDatabase.Engine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema history read against this build, and the migration strategy the application
 * starts with: it migrates a database that matches, and refuses, naming the migration, a
 * database that holds a migration this build does not know, one whose file changed, or
 * one that failed.
 */
class SchemaHistoryTests {

	private static final String V1 = "V1 (create accounts and categories)";

	@ParameterizedTest
	@EnumSource(Engine.class)
	void theStrategyMigratesAFreshDatabase(Engine engine) {
		Flyway flyway = TestFlyway.on(TestDatabase.create(engine, "fresh").dataSource());
		assertThat(SchemaHistory.of(flyway).pending()).isNotEmpty();

		new CheckedMigrationStrategy(true).migrate(flyway);

		assertThat(SchemaHistory.of(flyway).pending()).isEmpty();
		assertThat(SchemaHistory.of(flyway).problems()).isEmpty();
		assertThat(flyway.info().all()).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void theStrategyLeavesTheDatabaseAloneUnderTheDbCommand(Engine engine) {
		Flyway flyway = TestFlyway.on(TestDatabase.create(engine, "untouched").dataSource());

		new CheckedMigrationStrategy(false).migrate(flyway);

		assertThat(flyway.info().applied()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aMigrationUnknownToThisBuildIsRefused(Engine engine) {
		Flyway flyway = migrated(engine, SchemaHistoryTampering::applyUnknownMigration);

		assertRefused(flyway,
				"V99 (from the future): is applied to the database but unknown to this build: the"
						+ " database was migrated by a newer version of otos-messaging. Run that version (or newer), or"
						+ " restore a backup taken before V99.");
		assertThat(MigrationCheck.of(migration(flyway, "99"))).isEqualTo(MigrationCheck.UNKNOWN);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void anAppliedMigrationWhoseFileChangedIsRefused(Engine engine) {
		Flyway flyway = migrated(engine, SchemaHistoryTampering::changeChecksumOfV1);
		MigrationInfo v1 = migration(flyway, "1");

		assertRefused(flyway, V1 + ": its checksum CHANGED: the file V1__create_accounts_and_categories.sql differs"
				+ " from the one that was applied (checksum " + v1.getAppliedChecksum() + " in the database, "
				+ v1.getResolvedChecksum() + " in this build). Applied migrations must never change: restore the"
				+ " released file and make the change in a new migration.");
		assertThat(MigrationCheck.of(v1)).isEqualTo(MigrationCheck.CHANGED);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void aFailedMigrationIsRefused(Engine engine) {
		Flyway flyway = migrated(engine, SchemaHistoryTampering::failV1);
		MigrationInfo v1 = migration(flyway, "1");

		assertRefused(flyway, V1 + ": FAILED when it was applied on " + SchemaHistory.appliedAt(v1) + ", so the"
				+ " schema may be half changed. Repair the database by hand to the state before it, delete its row"
				+ " from flyway_schema_history, and start again.");
		assertThat(MigrationCheck.of(v1)).isEqualTo(MigrationCheck.FAILED);
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void flywayItselfAlsoRejectsAnUnknownMigration(Engine engine) {
		Flyway flyway = migrated(engine, SchemaHistoryTampering::applyUnknownMigration);

		assertThat(flyway.validateWithResult().validationSuccessful).isFalse();
	}

	private static void assertRefused(Flyway flyway, String problem) {
		assertThat(SchemaHistory.of(flyway).problems()).extracting(MigrationProblem::toString).containsExactly(problem);
		assertThatExceptionOfType(SchemaMismatchException.class)
			.isThrownBy(() -> new CheckedMigrationStrategy(true).migrate(flyway))
			.withMessage("The database schema does not match this build of otos-messaging, so it will not be"
					+ " migrated or used:\n  - " + problem + "\nSee `db status` for the whole history.");
	}

	private static Flyway migrated(Engine engine, Consumer<SchemaHistoryTampering> tampering) {
		DataSource dataSource = TestDatabase.create(engine, "tampered").dataSource();
		Flyway flyway = TestFlyway.on(dataSource);
		flyway.migrate();
		tampering.accept(new SchemaHistoryTampering(dataSource));
		return flyway;
	}

	private static MigrationInfo migration(Flyway flyway, String version) {
		return List.of(flyway.info().all())
			.stream()
			.filter((migration) -> migration.getVersion() != null
					&& migration.getVersion().getVersion().equals(version))
			.findFirst()
			.orElseThrow();
	}

}
