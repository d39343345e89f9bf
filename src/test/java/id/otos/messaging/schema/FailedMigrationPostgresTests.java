package id.otos.messaging.schema;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.schema.TestDatabase.Engine;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A migration that fails halfway on PostgreSQL ({@code schema/failing/V99__...}: a
 * {@code CREATE TABLE} that works, then an {@code ALTER TABLE} of a table that does not
 * exist): the application refuses to start and says, in one line, which migration failed
 * and the database's reason; PostgreSQL's transactional DDL leaves the schema exactly at
 * the previous version, without the table of the first statement and without a failed row
 * in the history; and the next start without the bad migration works.
 */
class FailedMigrationPostgresTests {

	/** The application's own locations (with PostgreSQL's repeatable migrations). */
	private static final String[] LOCATIONS = { "classpath:" + MigrationSource.CLASSPATH_FOLDER,
			"classpath:db/vendor/postgresql" };

	private static final String WITH_FAILING_MIGRATION = "--spring.flyway.locations=" + String.join(",", LOCATIONS)
			+ ",classpath:schema/failing";

	@Test
	void aMigrationThatFailsHalfwayIsRolledBackAndTheApplicationRefusesToStartNamingItAndWhy() {
		TestDatabase database = TestDatabase.create(Engine.POSTGRESQL, "failed_migration");
		DataSource dataSource = database.dataSource();
		TestFlyway.configure(dataSource).locations(LOCATIONS).load().migrate();
		SchemaSnapshot before = SchemaSnapshot.read(dataSource);
		List<Map<String, Object>> historyBefore = history(dataSource);

		Throwable refusal = catchThrowable(() -> start(database, WITH_FAILING_MIGRATION).close());

		assertThat(refusal).as("the application started").isNotNull();
		MigrationFailedException failed = findCause(refusal, MigrationFailedException.class);
		assertThat(failed).as("the refusal names the failed migration").isNotNull();
		assertThat(failed.getMessage()).doesNotContain("\n")
			.contains("V99 (add half done table)")
			.contains("V99__add_half_done_table.sql")
			.contains("relation \"otosapp_no_such_table\" does not exist")
			.contains("42P01")
			.contains("rolled back")
			.contains("the schema stays at V" + Fixtures.project().files().highestVersion() + " (");

		assertThat(history(dataSource)).as("flyway_schema_history after the failure").isEqualTo(historyBefore);
		assertThat(tableExists(dataSource, "otos_half_done")).as("the first statement's table").isFalse();
		assertThat(SchemaSnapshot.read(dataSource)).as("the schema after the failure").isEqualTo(before);

		try (ConfigurableApplicationContext app = start(database)) {
			assertThat(app.isRunning()).isTrue();
		}
		assertThat(history(dataSource)).isEqualTo(historyBefore);
	}

	/**
	 * The same migration run outside a transaction ({@code executeInTransaction=false}):
	 * its first statement stays and Flyway records no failed row (PostgreSQL has
	 * transactional DDL), so the refusal must not say it was rolled back: it says the
	 * statements before the failing one may have been applied and what to do.
	 */
	@Test
	void aMigrationThatFailsHalfwayOutsideATransactionIsNamedAsHalfDone() {
		TestDatabase database = TestDatabase.create(Engine.POSTGRESQL, "failed_migration_outside");
		DataSource dataSource = database.dataSource();
		TestFlyway.configure(dataSource).locations(LOCATIONS).load().migrate();

		Throwable refusal = catchThrowable(() -> start(database, "--spring.flyway.locations="
				+ String.join(",", LOCATIONS) + ",classpath:schema/failing-outside-transaction")
			.close());

		assertThat(tableExists(dataSource, "otos_half_done")).as("the first statement's table").isTrue();
		MigrationFailedException failed = findCause(refusal, MigrationFailedException.class);
		assertThat(failed).as("the refusal names the failed migration").isNotNull();
		assertThat(failed.getMessage()).doesNotContain("\n")
			.contains("V99 (add half done table)")
			.contains("42P01")
			.contains("did not run in a transaction")
			.contains("may have been applied")
			.doesNotContain("rolled back");
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String... more) {
		String[] settings = new String[more.length + 3];
		settings[0] = "--server.port=0";
		settings[1] = "--spring.main.banner-mode=off";
		settings[2] = "--otos.demo.enabled=false";
		System.arraycopy(more, 0, settings, 3, more.length);
		return new SpringApplicationBuilder(MessagingApplication.class).run(database.settings(settings));
	}

	private static List<Map<String, Object>> history(DataSource dataSource) {
		return JdbcClient.create(dataSource)
			.sql("select installed_rank, version, description, script, checksum, success"
					+ " from flyway_schema_history order by installed_rank")
			.query()
			.listOfRows();
	}

	private static boolean tableExists(DataSource dataSource, String table) {
		return JdbcClient.create(dataSource)
			.sql("select to_regclass(?) is not null")
			.param(table)
			.query(Boolean.class)
			.single();
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
