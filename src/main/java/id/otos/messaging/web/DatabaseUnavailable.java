package id.otos.messaging.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure because the database cannot be reached (stopped, restarting, the pool
 * found no connection in time) from any other failure, by the types in its cause chain,
 * never by message text: Spring's and Hibernate's connection failures, the JDBC
 * connection exceptions (HikariCP's timeout is one), and any {@link SQLException} whose
 * SQLState is a connection exception ({@code 08xxx}) or PostgreSQL's operator
 * intervention ({@code 57P01} admin shutdown, {@code 57P02} crash shutdown, {@code 57P03}
 * cannot connect now, while it starts or stops).
 */
final class DatabaseUnavailable {

	private static final List<Class<? extends Throwable>> CONNECTION_FAILURES = List.of(
			CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			JDBCConnectionException.class, SQLTransientConnectionException.class,
			SQLNonTransientConnectionException.class);

	private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

	private DatabaseUnavailable() {
	}

	/** Whether the failure, or anything in its cause chain, says the database is away. */
	static boolean isCauseOf(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (isConnectionFailure(cause)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConnectionFailure(Throwable cause) {
		for (Class<? extends Throwable> type : CONNECTION_FAILURES) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			return state.startsWith("08") || SHUTDOWN_STATES.contains(state);
		}
		return false;
	}

}
