package id.otos.messaging.adoption;

import java.util.Map;

import id.otos.messaging.support.OtosFixture;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db adopt} on a generated school in the Django shape (a tenth of school size: 200
 * students, 2,000 threads, 20,000 messages whose shared read flags are in no particular
 * order): after the adoption every student's unread count, counted by the application's
 * own rule from read positions, is the original's, counted from the flags.
 */
class AdoptionAtScaleTests {

	@Test
	void everyStudentsUnreadCountAfterTheAdoptionIsTheOriginals() {
		String database = DjangoSchool.create(0.1);
		JdbcClient jdbc = AdoptionTests.jdbc(database);
		Map<Long, Long> original = counts(jdbc, """
				select t.student_id, count(*) from otosapp_message m
				join otosapp_messagethread t on t.id = m.thread_id
				where not m.is_read and m.sender_id <> t.student_id
				group by t.student_id""");

		AdoptionTests.Result adoption = AdoptionTests.adopt(database, "--media=" + OtosFixture.media());

		assertThat(adoption.exitCode()).as(adoption.output()).isZero();
		assertThat(adoption.output()).containsPattern("files not imported \\(listed below\\) +0\\R");
		Map<Long, Long> ours = counts(jdbc, """
				select t.student_id, count(*) from otosapp_message m
				join otosapp_messagethread t on t.id = m.thread_id
				left join otos_thread_read r on r.thread_id = t.id and r.user_id = t.student_id
				where m.sender_id <> t.student_id and m.id > coalesce(r.last_read_message_id, 0)
				group by t.student_id""");
		assertThat(original).hasSizeGreaterThan(150);
		assertThat(ours).isEqualTo(original);
	}

	private static Map<Long, Long> counts(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query((rs) -> {
			Map<Long, Long> counts = new java.util.TreeMap<>();
			while (rs.next()) {
				counts.put(rs.getLong(1), rs.getLong(2));
			}
			return counts;
		});
	}

}
