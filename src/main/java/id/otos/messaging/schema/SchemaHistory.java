package id.otos.messaging.schema;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The database's schema history (Flyway's {@code flyway_schema_history}) read against the
 * migrations of this build: which are applied, pending, and which disagree with the
 * build, and why, naming each migration.
 */
public final class SchemaHistory {

	private final List<MigrationInfo> migrations;

	private SchemaHistory(List<MigrationInfo> migrations) {
		this.migrations = migrations;
	}

	public static SchemaHistory of(Flyway flyway) {
		return new SchemaHistory(List.of(flyway.info().all()));
	}

	/** Every migration, applied or known to this build, in order. */
	public List<MigrationInfo> migrations() {
		return this.migrations;
	}

	public List<MigrationInfo> pending() {
		return this.migrations.stream()
			.filter((migration) -> MigrationCheck.of(migration) == MigrationCheck.PENDING)
			.toList();
	}

	/**
	 * Where the database and this build disagree: applied migrations this build does not
	 * know, whose file changed, or that failed, and migrations that can no longer be
	 * applied. Pending migrations are no problem.
	 */
	public List<MigrationProblem> problems() {
		return this.migrations.stream()
			.filter((migration) -> MigrationCheck.of(migration).isProblem())
			.map(SchemaHistory::problem)
			.toList();
	}

	/** Throws when {@link #problems()} finds any. */
	public void requireMatchingBuild() {
		List<MigrationProblem> problems = problems();
		if (!problems.isEmpty()) {
			throw new SchemaMismatchException(problems);
		}
	}

	/** {@code V1 (create accounts and categories)}. */
	public static String label(MigrationInfo migration) {
		String version = (migration.getVersion() != null) ? "V" + migration.getVersion() : "R";
		return version + " (" + migration.getDescription() + ")";
	}

	/** When the migration was applied, in local time; empty when it is not. */
	public static String appliedAt(MigrationInfo migration) {
		return (migration.getInstalledOn() != null) ? DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.format(migration.getInstalledOn().toInstant().atZone(ZoneId.systemDefault())) : "";
	}

	private static MigrationProblem problem(MigrationInfo migration) {
		return new MigrationProblem(label(migration), switch (MigrationCheck.of(migration)) {
			case UNKNOWN -> unknown(migration);
			case CHANGED -> changed(migration);
			case FAILED -> failed(migration);
			case SKIPPED -> "is not applied, but later migrations are: it can no longer be applied in order."
					+ " The database has a history this build did not expect; compare it with `db status`.";
			default -> throw new IllegalArgumentException(label(migration) + " is no problem");
		});
	}

	private static String unknown(MigrationInfo migration) {
		if (migration.getState() == MigrationState.FUTURE_SUCCESS) {
			return "is applied to the database but unknown to this build: the database was migrated by a newer"
					+ " version of otos-messaging. Run that version (or newer), or restore a backup taken before " + "V"
					+ migration.getVersion() + ".";
		}
		return "is applied to the database but unknown to this build, which has no file for it any more (was "
				+ "a released migration removed or renamed?). Restore the migration file from version control.";
	}

	private static String changed(MigrationInfo migration) {
		String what = !migration.isChecksumMatching()
				? "its checksum CHANGED: the file " + migration.getScript() + " differs from the one that was applied"
						+ " (checksum " + migration.getAppliedChecksum() + " in the database, "
						+ migration.getResolvedChecksum() + " in this build)"
				: "it CHANGED: applied as \"" + migration.getAppliedDescription() + "\" (" + migration.getAppliedType()
						+ "), this build has \"" + migration.getResolvedDescription() + "\" ("
						+ migration.getResolvedType() + ")";
		return what + ". Applied migrations must never change: restore the released file and make the change in"
				+ " a new migration.";
	}

	private static String failed(MigrationInfo migration) {
		String unknown = migration.getState().isResolved() ? "" : " (and is unknown to this build)";
		return "FAILED when it was applied" + unknown + " on " + appliedAt(migration)
				+ ", so the schema may be half changed. Repair the database by hand to the state before it, delete"
				+ " its row from flyway_schema_history, and start again.";
	}

}
