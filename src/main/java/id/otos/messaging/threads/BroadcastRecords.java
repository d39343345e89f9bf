package id.otos.messaging.threads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The broadcasts sent ({@code otos_broadcast}) and the threads each created
 * ({@code otos_broadcast_thread}), read and written as SQL. A thread "has a reply" when
 * its student wrote in it.
 */
@Repository
class BroadcastRecords {

	private static final String REPLIED = """
			(select count(*) from otos_broadcast_thread bt
			 join otosapp_messagethread t on t.id = bt.thread_id
			 where bt.broadcast_id = b.id
			   and exists (select 1 from otosapp_message m where m.thread_id = t.id and m.sender_id = t.student_id))""";

	/** What a list of broadcasts and a broadcast's page show of it. */
	private static final String SUMMARIES = """
			select b.id, b.title, b.target_kind, b.created_at, b.recipient_count, b.sender_id,
			       trim(u.first_name || ' ' || u.last_name) as sender_name, %s as replied
			from otos_broadcast b
			left join otosapp_user u on u.id = b.sender_id
			where %s""";

	private final JdbcClient jdbc;

	BroadcastRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The broadcast the sender already sent with this submission key, if any (a form
	 * without a key is never found again).
	 */
	Optional<Long> sentWithKey(long senderId, String submissionKey) {
		if (submissionKey == null || submissionKey.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from otos_broadcast where sender_id = :sender and submission_key = :key")
			.param("sender", senderId)
			.param("key", submissionKey)
			.query(Long.class)
			.optional();
	}

	long insert(long senderId, Broadcast broadcast, int recipients, Instant now) {
		KeyHolder id = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into otos_broadcast (sender_id, title, target_kind, category_id, recipient_count,
				                            submission_key, created_at)
				values (:sender, :title, :kind, :category, :recipients, :key, :now)
				""")
			.param("sender", senderId)
			.param("title", broadcast.title())
			.param("kind", broadcast.targetKind())
			.param("category", broadcast.categoryId())
			.param("recipients", recipients)
			.param("key",
					(broadcast.submissionKey() == null || broadcast.submissionKey().isBlank()) ? null
							: broadcast.submissionKey())
			.param("now", Timestamp.from(now))
			.update(id, "id");
		return id.getKeyAs(Number.class).longValue();
	}

	void link(long broadcastId, long threadId) {
		this.jdbc.sql("insert into otos_broadcast_thread (broadcast_id, thread_id) values (:broadcast, :thread)")
			.param("broadcast", broadcastId)
			.param("thread", threadId)
			.update();
	}

	/**
	 * The broadcasts of one sender, or of everyone ({@code senderId} null), newest first.
	 */
	List<BroadcastSummary> summaries(Long senderId) {
		return this.jdbc
			.sql(SUMMARIES.formatted(REPLIED, (senderId != null) ? "b.sender_id = :sender" : "1 = 1")
					+ " order by b.created_at desc, b.id desc")
			.paramSource((senderId != null) ? Map.of("sender", senderId) : Map.of())
			.query(BroadcastRecords::summary)
			.list();
	}

	Optional<BroadcastSummary> find(long broadcastId) {
		return this.jdbc.sql(SUMMARIES.formatted(REPLIED, "b.id = :id"))
			.param("id", broadcastId)
			.query(BroadcastRecords::summary)
			.optional();
	}

	private static BroadcastSummary summary(ResultSet rs, int rowNumber) throws SQLException {
		return new BroadcastSummary(rs.getLong("id"), rs.getString("title"), rs.getString("target_kind"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("recipient_count"), rs.getLong("replied"),
				rs.getObject("sender_id", Long.class), rs.getString("sender_name"));
	}

	/** The broadcast's threads that its student replied in, latest activity first. */
	List<BroadcastReply> replies(long broadcastId) {
		return this.jdbc.sql("""
				select t.id, trim(su.first_name || ' ' || su.last_name) as student_name, t.status, t.last_activity,
				       substring(lm.content, 1, 140) as preview
				from otos_broadcast_thread bt
				join otosapp_messagethread t on t.id = bt.thread_id
				join otosapp_user su on su.id = t.student_id
				left join otosapp_message lm on lm.id = t.last_message_id
				where bt.broadcast_id = :id
				  and exists (select 1 from otosapp_message m where m.thread_id = t.id and m.sender_id = t.student_id)
				order by t.last_activity desc, t.id desc
				""")
			.param("id", broadcastId)
			.query((rs, rowNumber) -> new BroadcastReply(rs.getLong("id"), rs.getString("student_name"),
					ThreadStatus.fromCode(rs.getString("status")), rs.getTimestamp("last_activity").toInstant(),
					rs.getString("preview")))
			.list();
	}

}
