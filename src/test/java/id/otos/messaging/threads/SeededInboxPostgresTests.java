package id.otos.messaging.threads;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.seed.SeedCommand;
import id.otos.messaging.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's own unread count on a school made by {@code db seed}: over all students and
 * teachers it finds exactly the messages the generated read positions leave unread.
 */
class SeededInboxPostgresTests {

	@Test
	void theUnreadCountsOfStudentsAndTeachersAddUpToTheSeededUnreadMessages() {
		String database = TestDatabases.newPostgresDatabase("seeded_inbox");
		int exitCode = SeedCommand.run(MessagingApplication.class,
				new String[] { "db", "seed", "--students=40", "--teachers=5", "--threads=150",
						"--spring.datasource.url=" + TestDatabases.postgresUrl(database),
						"--spring.datasource.username=postgres", "--spring.datasource.password=postgres" });
		assertThat(exitCode).isZero();
		DataSource dataSource = TestDatabases.postgresDataSource(database);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Inbox inbox = new Inbox(jdbc, dataSource, Clock.systemUTC(), new SimpleMeterRegistry());

		long counted = 0;
		for (long student : usersOf(jdbc, "Student")) {
			counted += inbox.unreadCount(new Viewer(student, RoleName.STUDENT, Set.of()));
		}
		for (long teacher : usersOf(jdbc, "Teacher")) {
			Set<Long> taught = new HashSet<>(
					jdbc.sql("select category_id from otosapp_category_teachers where user_id = :me")
						.param("me", teacher)
						.query(Long.class)
						.list());
			counted += inbox.unreadCount(new Viewer(teacher, RoleName.TEACHER, taught));
		}

		long expected = jdbc
			.sql("""
					select count(*) from otosapp_message m join otosapp_messagethread t on t.id = m.thread_id
					left join otos_thread_read r on r.thread_id = t.id
					     and r.user_id = case when m.sender_id = t.student_id then t.teacher_or_admin_id else t.student_id end
					where (t.thread_type = 'academic' or m.sender_id <> t.student_id)
					  and m.id > coalesce(r.last_read_message_id, 0)""")
			.query(Long.class)
			.single();
		assertThat(counted).isEqualTo(expected).isPositive();
	}

	private static List<Long> usersOf(JdbcClient jdbc, String role) {
		return jdbc
			.sql("select u.id from otosapp_user u join otosapp_role r on r.id = u.role_id where r.role_name = :role")
			.param("role", role)
			.query(Long.class)
			.list();
	}

}
