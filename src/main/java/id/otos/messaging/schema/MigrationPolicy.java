package id.otos.messaging.schema;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * How Flyway runs our migrations, wherever it runs them (the application, the {@code db}
 * command, the tests): one linear history that is never cleaned, baselined or applied out
 * of order, misnamed files fail instead of being skipped, and every applied migration
 * this build does not know fails validation, including those newer than the build (Flyway
 * ignores those by default).
 *
 * <p>
 * These are rules, not settings: {@link SchemaConfiguration} applies them to the
 * application's Flyway after the {@code spring.flyway.*} properties, so no property can
 * loosen them.
 */
public final class MigrationPolicy {

	private MigrationPolicy() {
	}

	public static FluentConfiguration apply(FluentConfiguration configuration) {
		return configuration.validateMigrationNaming(true)
			.outOfOrder(false)
			.cleanDisabled(true)
			.baselineOnMigrate(false)
			.validateOnMigrate(true)
			.ignoreMigrationPatterns(new String[0]);
	}

}
