package id.otos.messaging.schema;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates on start, but first refuses a database whose schema history disagrees with
 * this build (a migration it does not know, one whose file changed, or one that failed),
 * naming the migration. A migration that fails while it is applied stops the start with
 * one line naming it, the database's reason and where the schema was left
 * ({@link MigrationFailedException}). Does nothing under the {@code db} command, which
 * checks and migrates on its own terms.
 */
class CheckedMigrationStrategy implements FlywayMigrationStrategy {

	private static final Logger logger = LoggerFactory.getLogger(CheckedMigrationStrategy.class);

	private final boolean migrateOnStart;

	CheckedMigrationStrategy(boolean migrateOnStart) {
		this.migrateOnStart = migrateOnStart;
	}

	@Override
	public void migrate(Flyway flyway) {
		if (this.migrateOnStart) {
			SchemaHistory.of(flyway).requireMatchingBuild();
			TransactionWitness witness = new TransactionWitness();
			try {
				watched(flyway, witness).migrate();
			}
			catch (FlywayException ex) {
				MigrationFailedException failed = failed(flyway, ex, witness.failedInTransaction());
				logger.error(failed.getMessage());
				throw failed;
			}
		}
	}

	/** The same Flyway, with the witness added to its callbacks. */
	private static Flyway watched(Flyway flyway, TransactionWitness witness) {
		Callback[] callbacks = Arrays.copyOf(flyway.getConfiguration().getCallbacks(),
				flyway.getConfiguration().getCallbacks().length + 1);
		callbacks[callbacks.length - 1] = witness;
		return Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.callbacks(callbacks)
			.load();
	}

	/**
	 * Which migration failed, read from the history after the failure: the one Flyway
	 * recorded as failed (a database without transactional DDL, or a migration run
	 * outside a transaction), else the first one still pending (its transaction was
	 * rolled back).
	 */
	static MigrationFailedException failed(Flyway flyway, FlywayException ex, Boolean inTransaction) {
		MigrationInfo[] all = flyway.info().all();
		Optional<MigrationInfo> recorded = Arrays.stream(all).filter((m) -> m.getState().isFailed()).findFirst();
		Optional<MigrationInfo> failed = recorded
			.or(() -> Arrays.stream(all).filter((m) -> m.getState() == MigrationState.PENDING).findFirst());
		String which = failed.map((m) -> "Migration " + SchemaHistory.label(m) + ", file " + m.getScript())
			.orElse("A migration");
		// the last versioned migration applied: the schema's version (a repeatable one,
		// applied after the versioned ones, is no version of its own)
		String previous = Arrays.stream(all)
			.filter((m) -> m.getVersion() != null && m.getState().isApplied() && !m.getState().isFailed())
			.reduce((first, second) -> second)
			.map(SchemaHistory::label)
			.orElse("no migration at all");
		String left;
		if (recorded.isPresent()) {
			left = "it is recorded as FAILED in flyway_schema_history and the schema may be half changed: repair the"
					+ " database by hand to its state at " + previous + ", delete the failed row, and start again";
		}
		else if (Boolean.TRUE.equals(inTransaction)) {
			left = "its changes were rolled back, so the schema stays at " + previous
					+ " (flyway_schema_history unchanged): fix the migration and start again";
		}
		else {
			left = "it did not run in a transaction, so its statements before the failing one may have been applied:"
					+ " bring the schema back to " + previous + " by hand, fix the migration and start again";
		}
		return new MigrationFailedException(which + " failed: " + reason(ex) + "; " + left + ".", ex);
	}

	/** The database's own error, on one line, with its SQLState. */
	private static String reason(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return firstLine(sql.getMessage()) + " (SQLState " + sql.getSQLState() + ")";
			}
		}
		return firstLine(failure.getMessage());
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no reason given";
		}
		return message.strip().lines().findFirst().orElse("").strip();
	}

}
