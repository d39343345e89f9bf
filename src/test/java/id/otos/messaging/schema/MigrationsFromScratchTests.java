package id.otos.messaging.schema;

import java.util.Arrays;

import id.otos.messaging.schema.TestDatabase.Engine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration runs from scratch on the embedded database and on PostgreSQL, and the
 * two schemas come out alike.
 */
class MigrationsFromScratchTests {

	@ParameterizedTest
	@EnumSource(Engine.class)
	void everyMigrationRunsFromScratch(Engine engine) {
		Flyway flyway = TestFlyway.on(TestDatabase.create(engine, "scratch").dataSource());

		flyway.migrate();

		MigrationInfo[] migrations = flyway.info().all();
		assertThat(migrations).hasSize(Fixtures.project().files().all().size());
		assertThat(migrations).allSatisfy((migration) -> assertThat(migration.getState())
			.as("state of %s on %s", SchemaHistory.label(migration), engine)
			.isEqualTo(MigrationState.SUCCESS));
	}

	@Test
	void bothDatabasesEndUpWithTheSameTablesColumnsAndNullability() {
		SchemaSnapshot h2 = migrated(Engine.H2);
		SchemaSnapshot postgres = migrated(Engine.POSTGRESQL);

		assertThat(h2.nullability()).as("tables, columns and nullability on H2 (actual) and PostgreSQL (expected)")
			.isEqualTo(postgres.nullability());
		assertThat(postgres.tables()).containsKeys("otosapp_user", "otosapp_role", "otosapp_category",
				"otosapp_category_teachers");
		assertThat(Arrays.asList(postgres.tables().keySet().toArray())).doesNotContain("flyway_schema_history");
	}

	private static SchemaSnapshot migrated(Engine engine) {
		TestDatabase database = TestDatabase.create(engine, "compare");
		TestFlyway.on(database.dataSource()).migrate();
		return SchemaSnapshot.read(database.dataSource());
	}

}
