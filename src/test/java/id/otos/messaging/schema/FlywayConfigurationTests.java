package id.otos.messaging.schema;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running application's Flyway follows the migration policy: one linear history,
 * never cleaned or baselined, misnamed files fail, and applied migrations this build does
 * not know fail validation instead of being ignored.
 */
@SpringBootTest
@ActiveProfiles("test")
class FlywayConfigurationTests {

	@Autowired
	Flyway flyway;

	@Autowired
	FlywayMigrationStrategy strategy;

	@Test
	void theApplicationsFlywayFollowsTheMigrationPolicy() {
		Configuration configuration = this.flyway.getConfiguration();
		assertThat(configuration.isValidateMigrationNaming()).isTrue();
		assertThat(configuration.isOutOfOrder()).isFalse();
		assertThat(configuration.isCleanDisabled()).isTrue();
		assertThat(configuration.isBaselineOnMigrate()).isFalse();
		assertThat(configuration.isValidateOnMigrate()).isTrue();
		assertThat(configuration.getLocations()).extracting(Object::toString)
			.containsExactly("classpath:" + MigrationSource.CLASSPATH_FOLDER, "classpath:db/vendor/h2");
	}

	@Test
	void appliedMigrationsUnknownToTheBuildAreNotIgnored() {
		ValidatePattern[] ignored = this.flyway.getConfiguration().getIgnoreMigrationPatterns();
		for (MigrationState state : new MigrationState[] { MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED,
				MigrationState.MISSING_SUCCESS, MigrationState.MISSING_FAILED }) {
			assertThat(Arrays.stream(ignored).filter((pattern) -> pattern.matchesMigration(true, state)))
				.as("patterns that ignore %s migrations", state)
				.isEmpty();
		}
	}

	@Test
	void theApplicationChecksTheSchemaHistoryBeforeItMigrates() {
		assertThat(this.strategy).isInstanceOf(CheckedMigrationStrategy.class);
	}

}
