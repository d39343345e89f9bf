package id.otos.messaging.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.persistence.PersistenceException;
import org.hibernate.HibernateException;

import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

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

	private static final List<Class<? extends Throwable>> DATABASE_WORK = List.of(SQLException.class,
			DataAccessException.class, TransactionException.class, PersistenceException.class,
			HibernateException.class);

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

	/**
	 * Whether the failure came from working with the database at all (JDBC, Spring's data
	 * access or transactions, JPA or Hibernate), whatever the reason. Some such failures
	 * hide the outage behind them: when a statement fails because the database went away,
	 * the rollback that follows fails too, on a connection the pool has already closed
	 * (HikariCP's "Connection is closed" has no SQLState), and the transaction's
	 * interceptor throws that failure instead of the first one.
	 */
	static boolean involvesDatabase(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			for (Class<? extends Throwable> type : DATABASE_WORK) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the database answers now: a connection from the pool that is valid within a
	 * second. While the database is away this takes the pool's connection timeout.
	 */
	static boolean isReachable(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(1);
		}
		catch (SQLException ex) {
			return false;
		}
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
