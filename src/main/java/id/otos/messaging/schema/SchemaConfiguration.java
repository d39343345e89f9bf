package id.otos.messaging.schema;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's Flyway follows {@link MigrationPolicy}, and migrates on start only
 * after the schema history has been checked against this build.
 */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

	@Bean
	FlywayConfigurationCustomizer migrationPolicy() {
		return MigrationPolicy::apply;
	}

	@Bean
	FlywayMigrationStrategy checkedMigration(SchemaProperties properties) {
		return new CheckedMigrationStrategy(properties.migrateOnStart());
	}

}
