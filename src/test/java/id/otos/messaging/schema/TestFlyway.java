package id.otos.messaging.schema;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway on the application's migrations, set up as the application sets it up
 * ({@link MigrationPolicy}), for tests that work on a database directly.
 */
final class TestFlyway {

	private TestFlyway() {
	}

	static Flyway on(DataSource dataSource) {
		return configure(dataSource).load();
	}

	static FluentConfiguration configure(DataSource dataSource) {
		return MigrationPolicy.apply(
				Flyway.configure().dataSource(dataSource).locations("classpath:" + MigrationSource.CLASSPATH_FOLDER));
	}

}
