package id.otos.messaging.adoption;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.support.DatabaseSnapshot;
import id.otos.messaging.support.OtosFixture;
import id.otos.messaging.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db adopt} on the real otos database of the fixture, on PostgreSQL: what it adds
 * and carries over, that Django's tables keep their shape and Django's own inserts keep
 * working, and that every refusal and failure leaves the database as it was.
 */
class AdoptionTests {

	/** The messaging tables' additions, the only change to a table of Django's. */
	static final Set<String> ADDED_TO_DJANGO_TABLES = Set.of("column otosapp_messagethread.created_by_id bigint null",
			"column otosapp_messagethread.last_message_id bigint null",
			"column otosapp_messagethread.version bigint not null default 0",
			"column otosapp_message.submission_key character varying(64) null",
			"constraint otosapp_messagethread.otosapp_messagethread_created_by_id_fk FOREIGN KEY (created_by_id)"
					+ " REFERENCES otosapp_user(id) ON DELETE SET NULL",
			"constraint otosapp_message.otosapp_message_submission_key_key UNIQUE (sender_id, submission_key)",
			"index otosapp_message_submission_key_key CREATE UNIQUE INDEX otosapp_message_submission_key_key ON"
					+ " public.otosapp_message USING btree (sender_id, submission_key)",
			"index otosapp_message_thread_id_idx CREATE INDEX otosapp_message_thread_id_idx ON public.otosapp_message"
					+ " USING btree (thread_id, id)",
			"index otosapp_messagethread_handler_idx CREATE INDEX otosapp_messagethread_handler_idx ON"
					+ " public.otosapp_messagethread USING btree (teacher_or_admin_id, last_activity)",
			"index otosapp_messagethread_status_idx CREATE INDEX otosapp_messagethread_status_idx ON"
					+ " public.otosapp_messagethread USING btree (status, last_activity)",
			"index otosapp_messagethread_student_id_idx CREATE INDEX otosapp_messagethread_student_id_idx ON"
					+ " public.otosapp_messagethread USING btree (student_id, last_activity)",
			"index otosapp_messagethread_type_category_idx CREATE INDEX otosapp_messagethread_type_category_idx ON"
					+ " public.otosapp_messagethread USING btree (thread_type, category_id, last_activity)");

	private static String adopted;

	private static Set<String> before;

	private static Result adoption;

	@BeforeAll
	static void adoptTheFixture() {
		adopted = OtosFixture.newDatabase("adopted");
		before = Catalog.of(dataSource(adopted));
		adoption = adopt(adopted, "--media=" + OtosFixture.media());
	}

	@Test
	void theFixtureIsAdoptedWithEverythingCarriedOver() {
		assertThat(adoption.exitCode()).as(adoption.output()).isZero();
		JdbcClient jdbc = jdbc(adopted);
		assertThat(count(jdbc, "select count(*) from otosapp_messagethread")).isEqualTo(12);
		assertThat(count(jdbc, "select count(*) from otosapp_message")).isEqualTo(51);
		assertThat(count(jdbc, "select count(*) from otosapp_messagethread where last_message_id is null")).isZero();
		assertThat(count(jdbc, """
				select count(*) from otosapp_messagethread t
				where last_message_id <> (select max(id) from otosapp_message m where m.thread_id = t.id)
				   or created_by_id <> (select sender_id from otosapp_message m where m.thread_id = t.id
				                        order by id limit 1)""")).isZero();
		assertThat(jdbc.sql("""
				select thread_id || ' ' || coalesce(actor_id, 0) || ' ' || from_value || '>' || to_value || ' ' || note
				from otos_thread_audit order by id""").query(String.class).list()).isEqualTo(jdbc.sql("""
				select thread_id || ' ' || coalesce(changed_by_id, 0) || ' ' || old_status || '>' || new_status
				       || ' ' || note
				from otosapp_threadstatuslog order by created_at, id""").query(String.class).list()).hasSize(7);
		assertThat(jdbc.sql("select content_type from otos_message_attachment order by message_id")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("image/png", "application/pdf");
		assertThat(jdbc.sql("select content_type from otos_profile_picture").query(String.class).list())
			.containsExactly("image/webp");
		assertThat(adoption.output()).contains("files imported", "status logs carried into the audit log", "Done in");
	}

	@Test
	void theImportedFilesAreTheFilesOfMediaRoot() throws IOException {
		JdbcClient jdbc = jdbc(adopted);
		for (String attachment : OtosFixture.generated()
			.path("attachments")
			.valueStream()
			.map((n) -> n.asString())
			.toList()) {
			byte[] stored = jdbc.sql("""
					select a.content from otos_message_attachment a
					join otosapp_message m on m.id = a.message_id where m.attachment = :name""")
				.param("name", attachment)
				.query(byte[].class)
				.single();
			assertThat(stored).isEqualTo(Files.readAllBytes(OtosFixture.media().resolve(attachment)));
		}
	}

	@Test
	void theSchemaHistoryRecordsTheAdoption() {
		assertThat(jdbc(adopted)
			.sql("select version || ' ' || type || ' ' || description || ' ' || success from flyway_schema_history")
			.query(String.class)
			.list()).containsExactly("5 BASELINE << otos adoption: db adopt >> true");
	}

	@Test
	void djangosTablesKeepEveryColumnConstraintAndIndexAndGainOnlyTheMessagingAdditions() {
		Set<String> after = Catalog.of(dataSource(adopted));
		Set<String> removedOrChanged = new TreeSet<>(before);
		removedOrChanged.removeAll(after);
		assertThat(removedOrChanged).as("what the adoption changed or removed").isEmpty();

		List<String> djangoTables = jdbc(adopted)
			.sql("select tablename from pg_tables where schemaname = 'public' and tablename not like 'otos\\_%'"
					+ " and tablename not like 'spring\\_session%' and tablename <> 'flyway_schema_history'")
			.query(String.class)
			.list();
		Set<String> added = Catalog.about(after, djangoTables);
		added.removeAll(before);
		assertThat(added).as("what the adoption added to Django's tables").isEqualTo(ADDED_TO_DJANGO_TABLES);
	}

	@Test
	void djangosOwnInsertsStillWorkAfterTheAdoption() {
		String database = OtosFixture.newDatabase("inserts");
		assertThat(adopt(database).exitCode()).isZero();
		JdbcClient jdbc = jdbc(database);
		// the column lists of Django's INSERTs (as its ORM writes them: every field but
		// the id)
		long user = jdbc
			.sql("""
					insert into otosapp_user (password, last_login, is_superuser, username, first_name, last_name,
					    is_staff, is_active, date_joined, email, role_id, profile_picture, phone_number, email_verified_at)
					values ('pbkdf2_sha256$870000$abc$def', null, false, 'baru@otos.example', 'Siswa', 'Baru', false, true,
					    now(), 'baru@otos.example', (select id from otosapp_role where role_name = 'Student'), '', null, now())
					returning id""")
			.query(Long.class)
			.single();
		long category = jdbc.sql("""
				insert into otosapp_category (category_name, time_limit, scoring_method, passing_score, created_by_id,
				    release_date)
				values ('Biologi', 60, 'default', 75.0, null, now()) returning id""").query(Long.class).single();
		long thread = jdbc.sql("""
				insert into otosapp_messagethread (title, thread_type, status, created_at, updated_at, last_activity,
				    priority, category_id, student_id, teacher_or_admin_id, close_requested_at, close_requested_by_id,
				    closed_at, closed_by_id, reopened_at, reopened_by_id)
				values ('Sel hewan', 'academic', 'open', now(), now(), now(), 'normal', :category, :user, null, null,
				    null, null, null, null, null) returning id""")
			.param("category", category)
			.param("user", user)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into otosapp_message (content, attachment, is_read, is_edited, created_at, updated_at, sender_id,
				    thread_id)
				values ('Apa itu mitokondria?', '', false, false, now(), now(), :user, :thread)""")
			.param("user", user)
			.param("thread", thread)
			.update();
		assertThat(count(jdbc, "select version from otosapp_messagethread where id = " + thread)).isZero();
	}

	@Test
	void aSecondAdoptionDoesNothingAndSaysSo() {
		DatabaseSnapshot snapshot = DatabaseSnapshot.of(dataSource(adopted));
		DatabaseSnapshot.State rows = snapshot.take();
		Set<String> catalog = Catalog.of(dataSource(adopted));

		Result again = adopt(adopted, "--media=" + OtosFixture.media());

		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("Nothing to do: this database was adopted already");
		assertThat(snapshot.take()).isEqualTo(rows);
		assertThat(Catalog.of(dataSource(adopted))).isEqualTo(catalog);
	}

	@Test
	void aDryRunReportsTheAdoptionAndChangesNothing() {
		String database = OtosFixture.newDatabase("dry");
		Set<String> catalog = Catalog.of(dataSource(database));
		DatabaseSnapshot.State rows = DatabaseSnapshot.of(dataSource(database)).take();

		Result dryRun = adopt(database, "--media=" + OtosFixture.media(), "--dry-run");

		assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
		assertThat(dryRun.output()).contains("Dry run: nothing was changed", "read positions", "files imported");
		assertThat(Catalog.of(dataSource(database))).isEqualTo(catalog);
		assertThat(DatabaseSnapshot.of(dataSource(database)).take()).isEqualTo(rows);
	}

	@Test
	void fileColumnsThatCannotBeImportedAreListedAndTheirMessagesKept(@TempDir Path media) throws IOException {
		String database = OtosFixture.newDatabase("listed");
		Files.createDirectories(media.resolve("message_attachments"));
		Files.writeString(media.resolve("message_attachments/virus.png"), "MZ this is no picture, and no text\0");
		Files.writeString(media.getParent().resolve("outside.txt"), "a file outside MEDIA_ROOT");
		JdbcClient jdbc = jdbc(database);
		List<Long> messages = jdbc.sql("select id from otosapp_message order by id limit 5").query(Long.class).list();
		List<String> columns = List.of("../outside.txt", "/etc/passwd", "https://blob.vercel-storage.com/lampiran.pdf",
				"message_attachments/virus.png", "message_attachments/tidak-ada.pdf");
		for (int i = 0; i < columns.size(); i++) {
			jdbc.sql("update otosapp_message set attachment = :column where id = :id")
				.param("column", columns.get(i))
				.param("id", messages.get(i))
				.update();
		}

		Result result = adopt(database, "--media=" + media);

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("message " + messages.get(0) + ": attachment ../outside.txt leads outside")
			.contains("message " + messages.get(1) + ": attachment /etc/passwd is not a path inside MEDIA_ROOT")
			.contains(
					"message " + messages.get(2) + ": attachment https://blob.vercel-storage.com/lampiran.pdf is a URL")
			.contains("message " + messages.get(3) + ": attachment message_attachments/virus.png is refused by the"
					+ " attachment checks")
			.contains("message " + messages.get(4) + ": attachment message_attachments/tidak-ada.pdf is missing")
			.contains("user 5: profile picture profile_pictures/foto-andi_compressed_ec024329.webp is missing");
		assertThat(count(jdbc, "select count(*) from otos_message_attachment")).isZero();
		assertThat(count(jdbc, "select count(*) from otosapp_message")).isEqualTo(51);
		assertThat(jdbc.sql("select attachment from otosapp_message where id = :id")
			.param("id", messages.get(2))
			.query(String.class)
			.single()).isEqualTo("https://blob.vercel-storage.com/lampiran.pdf");
	}

	@Test
	void aFailureHalfWayLeavesTheDatabaseExactlyAsItWas() {
		String database = OtosFixture.newDatabase("failing");
		// a table of that name is in the way of the adoption's last table
		OtosFixture.execute(database, "create table otos_mail_outbox (id bigint primary key)");
		Set<String> catalog = Catalog.of(dataSource(database));
		DatabaseSnapshot.State rows = DatabaseSnapshot.of(dataSource(database)).take();

		Result failed = adopt(database, "--media=" + OtosFixture.media());

		assertThat(failed.exitCode()).isOne();
		assertThat(failed.output()).contains("db adopt failed:", "otos_mail_outbox",
				"everything was rolled back, the database is exactly as it was");
		assertThat(Catalog.of(dataSource(database))).isEqualTo(catalog);
		assertThat(DatabaseSnapshot.of(dataSource(database)).take()).isEqualTo(rows);
	}

	@Test
	void anOtosOfAMigrationStateThisBuildDoesNotKnowIsRefused() {
		String database = OtosFixture.newDatabase("future");
		OtosFixture.execute(database, "insert into django_migrations (app, name, applied) values"
				+ " ('otosapp', '0038_question_report', now())");

		Result refused = refusedUnchanged(database);

		assertThat(refused.output()).contains("db adopt refused: otos's migration otosapp.0038_question_report is"
				+ " applied, but this build knows otos only up to otosapp.0037_subscriptionpackagepricehistory");
	}

	@Test
	void aHalfAppliedOtosIsRefused() {
		String database = OtosFixture.newDatabase("half");
		OtosFixture.execute(database, "delete from django_migrations where app = 'otosapp' and name like '0037%'");

		Result refused = refusedUnchanged(database);

		assertThat(refused.output()).contains("otos's migration otosapp.0037_subscriptionpackagepricehistory is not"
				+ " applied (its migration state is half-way: 37 of 38 known migrations applied)");
	}

	@Test
	void aDatabaseOfAnotherShapeIsRefused() {
		String database = OtosFixture.newDatabase("shape");
		OtosFixture.execute(database, "alter table otosapp_messagethread alter column title type varchar(100)");

		Result refused = refusedUnchanged(database);

		assertThat(refused.output()).contains("the otos database's column otosapp_messagethread.title is"
				+ " varchar(100) not-null, where otos at otosapp 0037 has varchar(200) not-null");
	}

	@Test
	void aDatabaseThatIsNotDjangosIsRefused() {
		String database = TestDatabases.newPostgresDatabase("plain");
		OtosFixture.execute(database, "create table notes (id bigint primary key)");

		Result refused = refusedUnchanged(database);

		assertThat(refused.output()).contains("the database has no django_migrations table");
	}

	@Test
	void theEmbeddedDatabaseIsRefused() {
		Result refused = run("--spring.datasource.url=" + TestDatabases.newH2Url("adopt"));

		assertThat(refused.exitCode()).isOne();
		assertThat(refused.output())
			.contains("db adopt works on the PostgreSQL database of a running otos, and this" + " database is H2");
	}

	@Test
	void aMediaFolderThatDoesNotExistIsRefusedBeforeAnything() {
		Result refused = adopt(adopted, "--media=/no/such/media");

		assertThat(refused.exitCode()).isOne();
		assertThat(refused.output()).contains("db adopt refused: --media=/no/such/media is not a folder");
	}

	private static Result refusedUnchanged(String database) {
		Set<String> catalog = Catalog.of(dataSource(database));
		DatabaseSnapshot.State rows = DatabaseSnapshot.of(dataSource(database)).take();
		Result refused = adopt(database, "--media=" + OtosFixture.media());
		assertThat(refused.exitCode()).as(refused.output()).isOne();
		assertThat(refused.output()).contains("db adopt refused: ");
		assertThat(refused.output().lines().filter((line) -> line.contains("refused"))).hasSize(1);
		assertThat(Catalog.of(dataSource(database))).isEqualTo(catalog);
		assertThat(DatabaseSnapshot.of(dataSource(database)).take()).isEqualTo(rows);
		return refused;
	}

	static Result adopt(String database, String... options) {
		List<String> args = new ArrayList<>(List.of(options));
		args.add("--spring.datasource.url=" + TestDatabases.postgresUrl(database));
		args.add("--spring.datasource.username=postgres");
		args.add("--spring.datasource.password=postgres");
		return run(args.toArray(String[]::new));
	}

	private static Result run(String... options) {
		List<String> args = new ArrayList<>(List.of("db", "adopt"));
		args.addAll(List.of(options));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);
		int exitCode = AdoptCommand.run(MessagingApplication.class, args.toArray(String[]::new), stream, stream);
		return new Result(exitCode, output.toString(StandardCharsets.UTF_8));
	}

	static DataSource dataSource(String database) {
		return TestDatabases.postgresDataSource(database);
	}

	static JdbcClient jdbc(String database) {
		return JdbcClient.create(dataSource(database));
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	record Result(int exitCode, String output) {

	}

}
