package id.otos.messaging.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The database's schema history (Flyway's {@code flyway_schema_history}) read against the
 * migrations of this build: which are applied, pending, and which disagree with the
 * build, and why, naming each migration.
 */
public final class SchemaHistory {

	/**
	 * What {@link #problems()} says of an otos (Django) database that was not adopted.
	 */
	static final MigrationProblem NOT_ADOPTED = new MigrationProblem("The database",
			"is the database of an otos (Django) app that otos-messaging has not adopted; nothing was created in it."
					+ " Adopt it once with `db adopt --media=<otos's MEDIA_ROOT>` (README: \"Adopting an otos"
					+ " database\"), then start the application.");

	private final List<MigrationInfo> migrations;

	private final boolean unadoptedOtos;

	private SchemaHistory(List<MigrationInfo> migrations, boolean unadoptedOtos) {
		this.migrations = migrations;
		this.unadoptedOtos = unadoptedOtos;
	}

	public static SchemaHistory of(Flyway flyway) {
		List<MigrationInfo> migrations = List.of(flyway.info().all());
		boolean nothingApplied = migrations.stream().noneMatch((migration) -> migration.getState().isApplied());
		return new SchemaHistory(migrations,
				nothingApplied && hasDjangoMigrations(flyway.getConfiguration().getDataSource()));
	}

	/**
	 * Whether the database is a Django app's: otos's, to be adopted before use, never to
	 * be migrated as an empty database of our own.
	 */
	private static boolean hasDjangoMigrations(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData()
					.getTables(null, connection.getSchema(), "django_migrations", new String[] { "TABLE" })) {
			return tables.next();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the database's tables: " + ex.getMessage(), ex);
		}
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
		if (this.unadoptedOtos) {
			return List.of(NOT_ADOPTED);
		}
		return this.migrations.stream()
			.filter((migration) -> MigrationCheck.of(migration).isProblem())
			.map(SchemaHistory::problem)
			.toList();
	}

	/** Throws when {@link #problems()} finds any. */
	public void requireMatchingBuild() {
		List<MigrationProblem> problems = problems();
		if (this.unadoptedOtos) {
			throw new SchemaMismatchException("This is the database of an otos (Django) app that otos-messaging"
					+ " has not adopted, so nothing was created in it: adopt it once with `db adopt --media=<otos's"
					+ " MEDIA_ROOT>` (README: \"Adopting an otos database\"), then start the application.", problems);
		}
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
