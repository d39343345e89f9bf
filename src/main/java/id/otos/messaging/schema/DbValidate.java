package id.otos.messaging.schema;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * {@code db validate}: the file checks on the source tree (when run in the project) and
 * on the migrations of this build, then the database's schema history against this build.
 * Pending migrations are reported but are no failure: the application applies them on
 * start.
 */
final class DbValidate {

	private final PrintStream out;

	private final PrintStream err;

	private final Path projectRoot;

	DbValidate(PrintStream out, PrintStream err, Path projectRoot) {
		this.out = out;
		this.err = err;
		this.projectRoot = projectRoot;
	}

	int run(Flyway flyway, DatabaseName database) {
		boolean valid = true;
		if (MigrationSource.isInProject(this.projectRoot)) {
			valid &= report("the source tree, " + MigrationSource.SOURCE_FOLDER,
					MigrationSource.inProject(this.projectRoot));
		}
		valid &= report("this build, classpath:" + MigrationSource.CLASSPATH_FOLDER,
				MigrationSource.onClasspath(DbValidate.class.getClassLoader()));
		SchemaHistory history = SchemaHistory.of(flyway);
		List<MigrationProblem> problems = new ArrayList<>(history.problems());
		if (problems.isEmpty()) {
			problems.addAll(flywayValidation(flyway));
		}
		long applied = history.migrations().stream().filter((migration) -> migration.getState().isApplied()).count();
		valid &= report("the database, " + database, problems,
				applied + " applied, " + history.pending().size() + " pending" + (history.pending().isEmpty() ? ""
						: " (the application applies pending migrations on start; `db migrate` applies them now)"));
		return valid ? 0 : 1;
	}

	private boolean report(String where, MigrationSource source) {
		return report(where, source.problems(), count(source.files().all().size(), "migration") + ", "
				+ source.manifest().entries().size() + " released");
	}

	private boolean report(String where, List<MigrationProblem> problems, String summary) {
		if (problems.isEmpty()) {
			this.out.println("ok    " + where + ": " + summary);
			return true;
		}
		this.err.println("FAIL  " + where + ":");
		problems.forEach((problem) -> this.err.println("  - " + problem));
		return false;
	}

	private static String count(int number, String noun) {
		return number + " " + noun + ((number == 1) ? "" : "s");
	}

	/** Flyway's own validation, pending migrations allowed, as a second opinion. */
	private static List<MigrationProblem> flywayValidation(Flyway flyway) {
		ValidateResult result = Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.ignoreMigrationPatterns("*:pending")
			.load()
			.validateWithResult();
		if (result.validationSuccessful) {
			return List.of();
		}
		List<MigrationProblem> problems = new ArrayList<>();
		for (ValidateOutput invalid : result.invalidMigrations) {
			problems.add(new MigrationProblem("V" + invalid.version + " (" + invalid.description + ")",
					invalid.errorDetails.errorMessage));
		}
		if (problems.isEmpty()) {
			problems.add(new MigrationProblem("Flyway", result.getAllErrorMessages()));
		}
		return problems;
	}

}
