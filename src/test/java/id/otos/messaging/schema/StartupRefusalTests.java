package id.otos.messaging.schema;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.schema.TestDatabase.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole application refuses to start on a database that holds a migration it does not
 * know, and says which.
 */
class StartupRefusalTests {

	@ParameterizedTest
	@EnumSource(Engine.class)
	void theApplicationDoesNotStartOnADatabaseMigratedByANewerBuild(Engine engine) {
		TestDatabase database = TestDatabase.create(engine, "refused");
		TestFlyway.on(database.dataSource()).migrate();
		new SchemaHistoryTampering(database.dataSource()).applyUnknownMigration();

		assertThatThrownBy(() -> new SpringApplicationBuilder(MessagingApplication.class)
			.run(database.settings("--server.port=0", "--spring.main.banner-mode=off", "--otos.demo.enabled=false"))
			.close()).rootCause()
			.isInstanceOf(SchemaMismatchException.class)
			.hasMessageContaining("V99 (from the future): is applied to the database but unknown to this build");
	}

}
