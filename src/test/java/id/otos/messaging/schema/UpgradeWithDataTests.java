package id.otos.messaging.schema;

import java.sql.SQLException;

import javax.sql.DataSource;

import id.otos.messaging.schema.TestDatabase.Engine;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade with data in the database: migrating version by version, with the rows of
 * {@code schema/data/after_V<n>.sql} inserted after version {@code n}, every row is still
 * there at the end.
 */
class UpgradeWithDataTests {

	@ParameterizedTest
	@EnumSource(Engine.class)
	void upgradingVersionByVersionKeepsEveryRow(Engine engine) throws SQLException {
		DataSource dataSource = TestDatabase.create(engine, "upgrade").dataSource();
		UpgradeRehearsal rehearsal = new UpgradeRehearsal(MigrationSource.CLASSPATH_FOLDER, "schema/data");
		int highest = Fixtures.project().files().highestVersion();

		UpgradeRehearsal.Result result = rehearsal.run(dataSource, highest);

		assertThat(result.losses()).as("rows lost on %s", engine).isEmpty();
		assertThat(result.fixtures()).as("data fixtures schema/data/after_V<n>.sql that ran").isPositive();
		assertThat(result.mostRows()).containsEntry("otosapp_category_teachers", 2L)
			.containsEntry("otos_profile_picture", 1L);
		assertThat(rehearsal.flyway(dataSource, String.valueOf(highest)).info().all())
			.allSatisfy((migration) -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
	}

	@Test
	void aMigrationThatLosesRowsIsCaught() throws SQLException {
		DataSource dataSource = TestDatabase.create(Engine.H2, "lossy").dataSource();
		UpgradeRehearsal rehearsal = new UpgradeRehearsal("schema/upgrade/lossy", "schema/upgrade/lossy-data");

		UpgradeRehearsal.Result result = rehearsal.run(dataSource, 2);

		assertThat(result.losses()).containsExactly("after V2 table notes has 1 rows, but it had 3 rows after V1 (and"
				+ " its data fixture): a migration lost data. Migrations must carry existing rows over.");
	}

}
