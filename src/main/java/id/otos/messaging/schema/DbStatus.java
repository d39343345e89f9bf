package id.otos.messaging.schema;

import java.io.PrintStream;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * {@code db status}: every migration, applied or not, like Django's
 * {@code showmigrations}, with when it was applied and whether it matches this build.
 * Fails when any does not.
 */
final class DbStatus {

	private static final String ROW = "%-4s %-8s %-40s %-20s %s%n";

	private final PrintStream out;

	private final PrintStream err;

	DbStatus(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Flyway flyway, DatabaseName database) {
		SchemaHistory history = SchemaHistory.of(flyway);
		this.out.println("Migrations of " + database + ":");
		this.out.println();
		this.out.printf(ROW, "", "Version", "Description", "Applied at", "State");
		for (MigrationInfo migration : history.migrations()) {
			MigrationCheck check = MigrationCheck.of(migration);
			this.out.printf(ROW, (migration.getState().isApplied() || check == MigrationCheck.ADOPTED) ? "[X]" : "[ ]",
					(migration.getVersion() != null) ? "V" + migration.getVersion() : "R", migration.getDescription(),
					SchemaHistory.appliedAt(migration), check.label());
		}
		long applied = history.migrations().stream().filter((migration) -> migration.getState().isApplied()).count();
		this.out.println();
		this.out.println(applied + " applied, " + history.pending().size() + " pending.");
		List<MigrationProblem> problems = history.problems();
		if (problems.isEmpty()) {
			return 0;
		}
		this.err.println("The database does not match this build:");
		problems.forEach((problem) -> this.err.println("  - " + problem));
		return 1;
	}

}
