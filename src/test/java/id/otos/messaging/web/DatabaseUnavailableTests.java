package id.otos.messaging.web;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import id.otos.messaging.support.TestDatabases;
import jakarta.servlet.ServletException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which failures mean "the database cannot be reached" (answered 503), told by the types
 * and SQLStates in the cause chain, never by message text.
 */
class DatabaseUnavailableTests {

	@Test
	void aSessionThatCouldNotBeReadBecauseThePoolTimedOutIsAnOutage() {
		Exception failure = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

		assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue();
	}

	@Test
	void aControllersTransactionThatCouldNotStartIsAnOutageThroughTheServletsWrapping() {
		Exception failure = new ServletException("Request processing failed",
				new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
						new JDBCConnectionException("unable to obtain isolated JDBC connection",
								new SQLException("Connection refused", "08001"))));

		assertThat(DatabaseUnavailable.isCauseOf(failure)).isTrue();
	}

	@Test
	void postgresqlShuttingDownOrStartingOrALostConnectionIsAnOutage() {
		assertThat(DatabaseUnavailable.isCauseOf(new RuntimeException(
				new SQLException("FATAL: terminating connection due to administrator command", "57P01"))))
			.isTrue();
		assertThat(DatabaseUnavailable
			.isCauseOf(new RuntimeException(new SQLException("FATAL: the database system is starting up", "57P03"))))
			.isTrue();
		assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException(new PSQLException(
				"An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))))
			.isTrue();
	}

	@Test
	void otherDatabaseErrorsAreNot() {
		assertThat(DatabaseUnavailable.isCauseOf(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(new ServletException(new BadSqlGrammarException("select", "select x",
				new SQLException("relation \"x\" does not exist", "42P01")))))
			.isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(new SQLException("no state"))).isFalse();
	}

	@Test
	void aMessageThatMerelyMentionsTheConnectionIsNot() {
		assertThat(DatabaseUnavailable
			.isCauseOf(new IllegalStateException("Connection refused: the database cannot be reached"))).isFalse();
	}

	@Test
	void aCauseChainThatLoopsEnds() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);

		assertThat(DatabaseUnavailable.isCauseOf(first)).isFalse();
	}

	@Test
	void aRollbackThatFailedOnAClosedConnectionInvolvesTheDatabaseButDoesNotSayWhy() {
		Exception failure = new ServletException(new JpaSystemException(new TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))));

		assertThat(DatabaseUnavailable.isCauseOf(failure)).isFalse();
		assertThat(DatabaseUnavailable.involvesDatabase(failure)).isTrue();
		assertThat(DatabaseUnavailable.involvesDatabase(new IllegalArgumentException("no"))).isFalse();
	}

	@Test
	void aDatabaseThatAnswersIsReachableAndOneWithNothingListeningIsNot() throws Exception {
		assertThat(DatabaseUnavailable.isReachable(TestDatabases.h2DataSource(TestDatabases.newH2Url("reachable"))))
			.isTrue();
		PGSimpleDataSource nothingListening = new PGSimpleDataSource();
		try (ServerSocket socket = new ServerSocket(0)) {
			nothingListening.setPortNumbers(new int[] { socket.getLocalPort() });
		}
		nothingListening.setServerNames(new String[] { "127.0.0.1" });
		nothingListening.setConnectTimeout(2);

		assertThat(DatabaseUnavailable.isReachable(nothingListening)).isFalse();
	}

	@Test
	void aLogInThatCouldNotBeCheckedIsNoRefusalButAFailureAnswered503() throws Exception {
		AuthenticationFailureHandler handler = SecurityConfiguration.logInRefused();
		MockHttpServletResponse refused = new MockHttpServletResponse();

		handler.onAuthenticationFailure(new MockHttpServletRequest(), refused, new BadCredentialsException("bad"));
		Throwable unchecked = catchThrowable(() -> handler
			.onAuthenticationFailure(new MockHttpServletRequest(), new MockHttpServletResponse(),
					new InternalAuthenticationServiceException("lookup failed", new CannotCreateTransactionException(
							"no connection",
							new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))));

		assertThat(refused.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(unchecked).isInstanceOf(ServletException.class);
		assertThat(DatabaseUnavailable.isCauseOf(unchecked)).isTrue();
	}

}
