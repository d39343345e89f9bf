package id.otos.messaging.schema;

import java.sql.SQLException;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Notes, through Flyway's public callback interface, whether the migration that failed
 * ran inside a transaction: the connection is not in auto-commit when Flyway runs a
 * migration in one. PostgreSQL then rolls all of it back; outside a transaction
 * ({@code executeInTransaction=false}, or statements such as
 * {@code CREATE INDEX CONCURRENTLY}) its statements before the failing one stay, and
 * Flyway records no failed row on a database with transactional DDL, so the history alone
 * cannot tell.
 */
final class TransactionWitness implements Callback {

	private volatile Boolean failedInTransaction;

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_EACH_MIGRATE_ERROR;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			this.failedInTransaction = !context.getConnection().getAutoCommit();
		}
		catch (SQLException ex) {
			this.failedInTransaction = null;
		}
	}

	@Override
	public String getCallbackName() {
		return "otos transaction witness";
	}

	/**
	 * Whether the failed migration ran in a transaction: {@code null} when unknown (no
	 * migration failed while applied, or the connection could not say).
	 */
	Boolean failedInTransaction() {
		return this.failedInTransaction;
	}

}
