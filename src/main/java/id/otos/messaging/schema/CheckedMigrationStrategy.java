package id.otos.messaging.schema;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates on start, but first refuses a database whose schema history disagrees with
 * this build (a migration it does not know, one whose file changed, or one that failed),
 * naming the migration. Does nothing under the {@code db} command, which checks and
 * migrates on its own terms.
 */
class CheckedMigrationStrategy implements FlywayMigrationStrategy {

	private final boolean migrateOnStart;

	CheckedMigrationStrategy(boolean migrateOnStart) {
		this.migrateOnStart = migrateOnStart;
	}

	@Override
	public void migrate(Flyway flyway) {
		if (this.migrateOnStart) {
			SchemaHistory.of(flyway).requireMatchingBuild();
			flyway.migrate();
		}
	}

}
