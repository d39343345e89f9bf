package id.otos.messaging.web;

import java.util.function.Supplier;

import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The transactions Spring Session's JDBC repository runs its statements in: none for
 * reading a session (one {@code SELECT}, which needs no transaction), the application's
 * own for everything else (a new session and its attributes are written together).
 * Reading a session is the only database work of most requests, and a transaction around
 * it would cost two more round trips (begin and commit) and the JPA transaction manager's
 * bookkeeping, about a third of such a request's time.
 */
final class SessionTransactions implements TransactionOperations {

	private static final ThreadLocal<Boolean> reading = new ThreadLocal<>();

	private final TransactionOperations writes;

	SessionTransactions(TransactionOperations writes) {
		this.writes = writes;
	}

	/**
	 * Runs the work, during which the repository's statements run without a transaction.
	 * @param <T> what the work returns
	 * @param work reading sessions
	 * @return what the work returned
	 */
	static <T> T reading(Supplier<T> work) {
		reading.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			reading.remove();
		}
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) throws TransactionException {
		if (Boolean.TRUE.equals(reading.get())) {
			return TransactionOperations.withoutTransaction().execute(action);
		}
		return this.writes.execute(action);
	}

}
