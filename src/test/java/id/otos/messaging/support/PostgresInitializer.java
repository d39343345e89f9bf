package id.otos.messaging.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at a new database on the embedded PostgreSQL server.
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String database = TestDatabases.newPostgresDatabase("app");
		TestPropertyValues
			.of("spring.datasource.url=" + TestDatabases.postgresUrl(database), "spring.datasource.username=postgres",
					"spring.datasource.password=postgres")
			.applyTo(context);
	}

}
