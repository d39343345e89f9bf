package id.otos.messaging.schema;

import javax.sql.DataSource;

import id.otos.messaging.support.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A new, empty database on one of the two engines, with what it takes to reach it: a
 * {@link DataSource} for plain JDBC and Flyway, or the settings to point the application
 * (or the {@code db} command) at it.
 */
record TestDatabase(Engine engine, String url, String username, String password) {

	static TestDatabase create(Engine engine, String prefix) {
		return switch (engine) {
			case H2 -> new TestDatabase(engine, TestDatabases.newH2Url(prefix), "sa", "");
			case POSTGRESQL -> new TestDatabase(engine,
					TestDatabases.postgresUrl(TestDatabases.newPostgresDatabase(prefix)), "postgres", "postgres");
		};
	}

	DataSource dataSource() {
		if (this.engine == Engine.H2) {
			return TestDatabases.h2DataSource(this.url);
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.url);
		dataSource.setUser(this.username);
		dataSource.setPassword(this.password);
		return dataSource;
	}

	/** Command-line settings that point the application at this database. */
	String[] settings(String... more) {
		String[] settings = new String[3 + more.length];
		settings[0] = "--spring.datasource.url=" + this.url;
		settings[1] = "--spring.datasource.username=" + this.username;
		settings[2] = "--spring.datasource.password=" + this.password;
		System.arraycopy(more, 0, settings, 3, more.length);
		return settings;
	}

	enum Engine {

		H2, POSTGRESQL

	}

}
