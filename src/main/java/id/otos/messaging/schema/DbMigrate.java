package id.otos.messaging.schema;

import java.io.PrintStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code db migrate}: what the application does on start, alone: refuse a database whose
 * history disagrees with this build, else apply the pending migrations.
 */
final class DbMigrate {

	private final PrintStream out;

	private final PrintStream err;

	DbMigrate(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Flyway flyway, DatabaseName database) {
		try {
			SchemaHistory.of(flyway).requireMatchingBuild();
		}
		catch (SchemaMismatchException ex) {
			this.err.println("Nothing migrated. " + ex.getMessage());
			return 1;
		}
		this.out.println("Migrating " + database + ":");
		try {
			MigrateResult result = flyway.migrate();
			for (MigrateOutput migration : result.migrations) {
				this.out.println("  applied V" + migration.version + " (" + migration.description + ") in "
						+ migration.executionTime + " ms");
			}
			String version = (result.targetSchemaVersion != null) ? "V" + result.targetSchemaVersion
					: "V" + result.initialSchemaVersion;
			this.out.println(
					result.migrations.isEmpty() ? "Nothing to migrate: the database is up to date at " + version + "."
							: "Done: the database is at " + version + ".");
			return 0;
		}
		catch (FlywayException ex) {
			this.err.println("Migration failed: " + ex.getMessage());
			return 1;
		}
	}

}
