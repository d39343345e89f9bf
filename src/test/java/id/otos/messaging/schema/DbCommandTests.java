package id.otos.messaging.schema;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.schema.TestDatabase.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code db} command on real databases: what it prints and its exit code.
 */
class DbCommandTests {

	private static final String V1_PENDING = "[ ]  V1       create accounts and categories";

	private static final int LATEST = Fixtures.project().files().highestVersion();

	private static final String V1_APPLIED = "[X]  V1       create accounts and categories";

	@Test
	void statusListsThePendingMigrationsOfAFreshDatabaseWithoutMigratingIt() {
		TestDatabase database = TestDatabase.create(Engine.H2, "status");

		Run status = db(database, "status");

		assertThat(status.exitCode()).isZero();
		assertThat(status.out()).contains("Migrations of " + shownUrl(database))
			.contains(V1_PENDING + " ")
			.containsPattern("create accounts and categories\\s+pending")
			.contains("0 applied, " + LATEST + " pending.");
		assertThat(TestFlyway.on(database.dataSource()).info().applied()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void migrateAppliesThePendingMigrationsAndStatusAndValidateAgree(Engine engine) {
		TestDatabase database = TestDatabase.create(engine, "migrate");

		Run migrate = db(database, "migrate");
		Run status = db(database, "status");
		Run validate = db(database, "validate");

		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(migrate.out()).contains("applied V1 (create accounts and categories) in ")
			.contains("Done: the database is at V" + LATEST + ".");
		assertThat(status.exitCode()).as(status.toString()).isZero();
		assertThat(status.out()).contains(V1_APPLIED)
			.containsPattern("create accounts and categories\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+ok")
			.contains(((engine == Engine.POSTGRESQL) ? LATEST + 1 : LATEST) + " applied, 0 pending.");
		if (engine == Engine.POSTGRESQL) {
			assertThat(status.out()).containsPattern("\\[X]  R\\s+search indexes\\s+\\d{4}-\\d\\d-\\d\\d");
		}
		assertThat(validate.exitCode()).as(validate.toString()).isZero();
		assertThat(validate.out()).contains("ok    the source tree, src/main/resources/db/migration: ")
			.contains("ok    this build, classpath:db/migration: ")
			.contains("ok    the database, " + shownUrl(database));
	}

	@ParameterizedTest
	@EnumSource(Engine.class)
	void everyDbCommandFailsOnADatabaseWithAChangedAndAnUnknownMigration(Engine engine) {
		TestDatabase database = TestDatabase.create(engine, "tampered");
		TestFlyway.on(database.dataSource()).migrate();
		new SchemaHistoryTampering(database.dataSource()).changeChecksumOfV1().applyUnknownMigration();

		Run status = db(database, "status");
		Run validate = db(database, "validate");
		Run migrate = db(database, "migrate");

		assertThat(status.exitCode()).isOne();
		assertThat(status.out()).containsPattern("\\[X]  V1 .+\\s+CHANGED")
			.containsPattern("\\[X]  V99 +from the future .+\\s+unknown to this build");
		assertThat(status.err()).contains("The database does not match this build:")
			.contains("  - V1 (create accounts and categories): its checksum CHANGED")
			.contains("  - V99 (from the future): is applied to the database but unknown to this build");
		assertThat(validate.exitCode()).isOne();
		assertThat(validate.err()).contains("FAIL  the database, " + shownUrl(database))
			.contains("  - V1 (create accounts and categories): its checksum CHANGED")
			.contains("  - V99 (from the future): is applied to the database but unknown to this build");
		assertThat(migrate.exitCode()).isOne();
		assertThat(migrate.err()).startsWith("Nothing migrated. The database schema does not match this build")
			.contains("V99 (from the future)");
	}

	@Test
	void statusShowsAFailedMigration() {
		TestDatabase database = TestDatabase.create(Engine.H2, "failed");
		TestFlyway.on(database.dataSource()).migrate();
		new SchemaHistoryTampering(database.dataSource()).failV1();

		Run status = db(database, "status");

		assertThat(status.exitCode()).isOne();
		assertThat(status.out()).containsPattern("\\[X]  V1 .+\\s+failed");
		assertThat(status.err()).contains("  - V1 (create accounts and categories): FAILED when it was applied on ");
	}

	@Test
	void aDatabaseThatCannotBeReachedFailsWithTheReason() {
		Run status = run("db", "status", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
				"--spring.datasource.hikari.connection-timeout=2000");

		assertThat(status.exitCode()).isOne();
		assertThat(status.err()).startsWith("db status failed: ").contains("refused");
	}

	@Test
	void anUnknownCommandPrintsTheUsage() {
		Run unknown = run("db", "makemigrations");

		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).startsWith("Usage: db <command>").contains("db status").contains("db release");
	}

	/** The URL as the database reports it (H2 leaves out the settings). */
	private static String shownUrl(TestDatabase database) {
		return database.url().split(";")[0];
	}

	private static Run db(TestDatabase database, String command) {
		List<String> args = new ArrayList<>(List.of("db", command));
		args.addAll(List.of(database.settings()));
		return run(args.toArray(String[]::new));
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = DbCommand.run(MessagingApplication.class, args,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Run(int exitCode, String out, String err) {

	}

}
