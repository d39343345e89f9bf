package id.otos.messaging.seed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db seed} on embedded PostgreSQL, with a tiny school: what it writes and what it
 * refuses.
 */
class SeedCommandTests {

	/**
	 * Messages unread by their recipient: the student or the handler who did not send
	 * them.
	 */
	private static final String UNREAD_BY_RECIPIENT = """
			select count(*) from otosapp_message m join otosapp_messagethread t on t.id = m.thread_id
			where (m.sender_id <> t.student_id and m.id > coalesce((select r.last_read_message_id
			        from otos_thread_read r where r.thread_id = t.id and r.user_id = t.student_id), 0))
			   or (t.teacher_or_admin_id is not null and m.sender_id <> t.teacher_or_admin_id
			       and m.id > coalesce((select r.last_read_message_id from otos_thread_read r
			                            where r.thread_id = t.id and r.user_id = t.teacher_or_admin_id), 0))
			""";

	private static String database;

	private static Run seeded;

	private static JdbcClient jdbc;

	@BeforeAll
	static void seedASmallSchool() {
		database = TestDatabases.newPostgresDatabase("seed");
		seeded = seed(database, "--students=50", "--teachers=6", "--threads=200", "--password=secret");
		DataSource dataSource = TestDatabases.postgresDataSource(database);
		jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void fillsAnEmptyDatabaseWithTheRequestedSchool() {
		assertThat(seeded.exitCode()).as(seeded.toString()).isZero();
		assertThat(seeded.out()).contains("Done: the database is at V")
			.contains("100% messages 2000/2000")
			.contains("Seeded 62 users (50 students, 6 teachers, 4 operators, 2 admins), 12 categories,"
					+ " 200 threads, 2000 messages");
		assertThat(count("select count(*) from otosapp_user")).isEqualTo(62);
		assertThat(count("select count(*) from otosapp_user u join otosapp_role r on r.id = u.role_id"
				+ " where r.role_name = 'Student' and u.email like 'siswa%@bench.otos.test'"))
			.isEqualTo(50);
		assertThat(count("select count(*) from otosapp_category")).isEqualTo(12);
		assertThat(count("select count(*) from otosapp_messagethread")).isEqualTo(200);
		assertThat(count("select count(*) from otosapp_message")).isEqualTo(2000);
		assertThat(count("select count(distinct thread_type) from otosapp_messagethread")).isEqualTo(4);
		assertThat(count("select count(distinct status) from otosapp_messagethread")).isEqualTo(4);
		assertThat(count("select count(distinct priority) from otosapp_messagethread")).isEqualTo(4);
	}

	@Test
	void everyThreadPointsAtItsNewestMessageAndIdsFollowTime() {
		assertThat(
				count("""
						select count(*) from otosapp_messagethread t
						where t.last_message_id is distinct from (select max(m.id) from otosapp_message m where m.thread_id = t.id)
						   or t.last_activity <> (select m.created_at from otosapp_message m where m.id = t.last_message_id)
						"""))
			.isZero();
		assertThat(count("""
				select count(*) from otosapp_message a join otosapp_message b on b.id = a.id + 1
				where b.created_at < a.created_at""")).isZero();
		assertThat(count("""
				select count(*) from otosapp_messagethread
				where status = 'pending' and (close_requested_at is null or close_requested_by_id is null)"""))
			.isZero();
	}

	@Test
	void academicThreadsGoToATeacherOfTheirCategory() {
		assertThat(count("select count(*) from otosapp_messagethread where thread_type = 'academic'"))
			.isGreaterThan(80);
		assertThat(count("""
				select count(*) from otosapp_messagethread t where t.thread_type = 'academic'
				and not exists (select 1 from otosapp_category_teachers ct
				                where ct.category_id = t.category_id and ct.user_id = t.teacher_or_admin_id)"""))
			.isZero();
	}

	@Test
	void aboutThirtyPercentOfTheMessagesAreUnreadByTheirRecipient() {
		long unread = count(UNREAD_BY_RECIPIENT);

		assertThat(unread).isBetween(400L, 800L);
		assertThat(seeded.out()).contains("(" + unread + " unread, ");
	}

	@Test
	void isReadMeansReadBySomeoneOtherThanTheSender() {
		assertThat(count("""
				select count(*) from otosapp_message m join otosapp_messagethread t on t.id = m.thread_id
				where m.is_read <> exists (select 1 from otos_thread_read r where r.thread_id = t.id
				      and r.user_id <> m.sender_id and r.last_read_message_id >= m.id)""")).isZero();
	}

	@Test
	void theInboxCountOfEveryStudentAddsUpToTheirShareOfTheUnread() {
		long students = count("""
				select count(*) from otosapp_message m join otosapp_messagethread t on t.id = m.thread_id
				where m.sender_id <> t.student_id and m.id > coalesce((select r.last_read_message_id
				      from otos_thread_read r where r.thread_id = t.id and r.user_id = t.student_id), 0)""");
		List<Long> ids = jdbc.sql("select id from otosapp_user where username like 'siswa%'").query(Long.class).list();
		long inboxes = 0;
		for (long me : ids) {
			// the statement of Inbox.unreadCount with a student's desk
			inboxes += jdbc.sql("""
					select count(*) from otosapp_message m
					join otosapp_messagethread t on t.id = m.thread_id
					left join otos_thread_read r on r.thread_id = t.id and r.user_id = :me
					where t.student_id = :me and m.sender_id <> :me and m.id > coalesce(r.last_read_message_id, 0)
					""").param("me", me).query(Long.class).single();
		}
		assertThat(inboxes).isEqualTo(students).isPositive();
	}

	@Test
	void everyoneLogsInWithTheGivenPasswordAndNewRowsGetFreshIds() {
		String hash = jdbc.sql("select password from otosapp_user where username = 'siswa0001'")
			.query(String.class)
			.single();
		long next = jdbc.sql("select nextval(pg_get_serial_sequence('otosapp_message', 'id'))")
			.query(Long.class)
			.single();

		assertThat(hash).startsWith("{bcrypt}");
		assertThat(new BCryptPasswordEncoder().matches("secret", hash.substring("{bcrypt}".length()))).isTrue();
		assertThat(next).isEqualTo(2001);
	}

	@Test
	void everyThreadKeepsItsResponseTimesAsTheApplicationDoes() {
		// the definitions of V6, which filled them for threads written before it
		assertThat(count("""
				select count(*) from otosapp_messagethread t
				where t.first_response_at is distinct from (select min(m.created_at) from otosapp_message m
				                                            where m.thread_id = t.id and m.sender_id <> t.student_id)
				   or t.resolved_at is distinct from
				        (case when t.status in ('resolved', 'closed') then coalesce(t.closed_at, t.updated_at) end)
				   or t.awaiting_reply_since is distinct from
				        (case when t.status in ('open', 'pending') then
				           (select min(m.created_at) from otosapp_message m
				            where m.thread_id = t.id and m.sender_id = t.student_id
				              and m.id > coalesce((select max(o.id) from otosapp_message o
				                                   where o.thread_id = t.id and o.sender_id <> t.student_id), 0)) end)
				""")).isZero();
		assertThat(count("select count(*) from otosapp_messagethread where awaiting_reply_since is not null"))
			.isPositive();
		assertThat(count("select count(*) from otosapp_messagethread where first_response_at is not null"))
			.isPositive();
	}

	@Test
	void theSearchIndexesAreThereAfterTheLoad() {
		assertThat(jdbc.sql("select indexname from pg_indexes where indexdef like '%gin_trgm_ops%' order by indexname")
			.query(String.class)
			.list()).containsExactly("otosapp_message_content_trgm_idx", "otosapp_messagethread_title_trgm_idx");
	}

	@Test
	void refusesADatabaseThatAlreadyHoldsThreads() {
		Run again = seed(database, "--students=5", "--teachers=1", "--threads=5");

		assertThat(again.exitCode()).isOne();
		assertThat(again.err()).contains("db seed refused: the database already holds threads");
		assertThat(count("select count(*) from otosapp_user")).isEqualTo(62);
	}

	@Test
	void refusesH2() {
		String url = TestDatabases.newH2Url("seed");
		Run run = run("db", "seed", "--threads=5", "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
				"--spring.datasource.password=");

		assertThat(run.exitCode()).isOne();
		assertThat(run.err()).contains("db seed refused: it fills PostgreSQL only, and this database is H2");
		assertThat(JdbcClient.create(TestDatabases.h2DataSource(url))
			.sql("select count(*) from information_schema.tables where table_name = 'otosapp_messagethread'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSizeThatIsNoNumberIsAUsageError() {
		Run run = run("db", "seed", "--scale=ten");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("db seed: not a number: --scale=ten").contains("Usage: db seed");
	}

	private static long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/**
	 * {@code db cold-counts} counts with the application's own statement: the student's
	 * count is their unread messages, recounted here from the read positions.
	 */
	@Test
	void coldCountsCountsEachRoleWithTheApplicationsStatement() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = ColdCountsCommand.run(MessagingApplication.class,
				new String[] { "db", "cold-counts", "--spring.datasource.url=" + TestDatabases.postgresUrl(database),
						"--spring.datasource.username=postgres", "--spring.datasource.password=postgres" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);

		assertThat(exitCode).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
		long student = count(
				"select id from otosapp_user where email like 'siswa%@bench.otos.test' order by email" + " limit 1");
		long unread = count("select count(*) from otosapp_message m join otosapp_messagethread t on t.id = m.thread_id"
				+ " left join otos_thread_read r on r.thread_id = t.id and r.user_id = " + student
				+ " where t.student_id = " + student + " and m.sender_id <> " + student
				+ " and m.id > coalesce(r.last_read_message_id, 0)");
		assertThat(printed).contains("200 threads, 2000 messages")
			.containsPattern("student  unread +" + unread + " +best of 5: +[0-9.]+ ms")
			.containsPattern("teacher  unread +[0-9]+ +best of 5")
			.containsPattern("operator unread +[0-9]+ +best of 5")
			.containsPattern("admin    unread +[0-9]+ +best of 5");
	}

	/**
	 * {@code db sessions} writes log-ins a request takes as the seeded student's own: a
	 * Spring Session row indexed under the student's name whose security context is the
	 * student's, credentials erased, with the student's newest thread beside it.
	 */
	@Test
	void sessionsAreLogInsOfSeededStudentsWithTheirNewestThread() throws Exception {
		Run run = sessions("--count=3");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		List<String> lines = run.out().lines().toList();
		assertThat(lines).hasSize(3);
		for (String line : lines) {
			String[] fields = line.split("\t");
			String sessionId = new String(Base64.getDecoder().decode(fields[0]), StandardCharsets.UTF_8);
			long person = Long.parseLong(fields[1]);
			assertThat(jdbc.sql("select principal_name from spring_session where session_id = :id")
				.param("id", sessionId)
				.query(String.class)
				.single())
				.isEqualTo(jdbc.sql("select email from otosapp_user where id = :id")
					.param("id", person)
					.query(String.class)
					.single());
			byte[] context = jdbc.sql("""
					select a.attribute_bytes from spring_session_attributes a
					join spring_session s on s.primary_id = a.session_primary_id
					where s.session_id = :id and a.attribute_name = 'SPRING_SECURITY_CONTEXT'
					""").param("id", sessionId).query(byte[].class).single();
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(context))) {
				CurrentUser loggedIn = (CurrentUser) ((SecurityContext) in.readObject()).getAuthentication()
					.getPrincipal();
				assertThat(loggedIn.id()).isEqualTo(person);
				assertThat(loggedIn.getPassword()).isNull();
			}
			assertThat(Long.parseLong(fields[2]))
				.isEqualTo(count("select max(id) from otosapp_messagethread where student_id = " + person));
		}
	}

	@Test
	void sessionsRefusesToRunWithoutACountAndWritesNothing() {
		long before = count("select count(*) from spring_session");

		Run missing = sessions();
		Run tooMany = sessions("--count=51");
		Run zero = sessions("--count=0");
		Run noRole = sessions("--count=1", "--role=parent");

		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).startsWith("db sessions: --count is required").contains(SessionsCommand.USAGE);
		assertThat(zero.exitCode()).isEqualTo(2);
		assertThat(noRole.exitCode()).isEqualTo(2);
		assertThat(noRole.err()).startsWith("db sessions: not a role: --role=parent");
		assertThat(tooMany.exitCode()).isOne();
		assertThat(tooMany.err()).contains("db sessions refused: 50 seeded student account(s) here");
		assertThat(count("select count(*) from spring_session")).isEqualTo(before);
	}

	/** An admin who is not of the seeded school is never logged in by the command. */
	@Test
	void sessionsAreMintedOnlyForTheSeededSchool() {
		jdbc.sql("""
				insert into otosapp_user (password, is_superuser, username, first_name, last_name, email, is_staff,
				                          is_active, date_joined, phone_number, role_id, email_verified_at, updated_at)
				select password, is_superuser, 'realadmin', first_name, last_name, 'real.admin@school.example',
				       is_staff, is_active, date_joined, phone_number, role_id, email_verified_at, updated_at
				from otosapp_user where email = 'admin1@bench.otos.test'
				""").update();
		long before = count("select count(*) from spring_session");
		try {
			Run run = sessions("--count=3", "--role=admin");

			assertThat(run.exitCode()).as(run.toString()).isOne();
			assertThat(run.err()).contains("db sessions refused: 2 seeded admin account(s) here");
			assertThat(count("select count(*) from spring_session")).isEqualTo(before);
		}
		finally {
			jdbc.sql("delete from otosapp_user where username = 'realadmin'").update();
		}
	}

	private static Run sessions(String... options) {
		List<String> args = new ArrayList<>(List.of("db", "sessions"));
		args.addAll(List.of(options));
		args.add("--spring.datasource.url=" + TestDatabases.postgresUrl(database));
		args.add("--spring.datasource.username=postgres");
		args.add("--spring.datasource.password=postgres");
		return run(SessionsCommand::run, args.toArray(String[]::new));
	}

	private static Run seed(String database, String... options) {
		List<String> args = new ArrayList<>(List.of("db", "seed"));
		args.addAll(List.of(options));
		args.add("--spring.datasource.url=" + TestDatabases.postgresUrl(database));
		args.add("--spring.datasource.username=postgres");
		args.add("--spring.datasource.password=postgres");
		return run(args.toArray(String[]::new));
	}

	private static Run run(String... args) {
		return run(SeedCommand::run, args);
	}

	private static Run run(Command command, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = command.run(MessagingApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	interface Command {

		int run(Class<?> application, String[] args, PrintStream out, PrintStream err);

	}

	record Run(int exitCode, String out, String err) {

	}

}
