package id.otos.messaging.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each person's last digest covered ({@code otos_digest_state}): the highest message
 * id and audit id it told about, and when it was planned. The row is also the lock that
 * keeps two planners from writing two digests for one person.
 */
@Component
class DigestStates {

	private final JdbcClient jdbc;

	private final RowLocking locking;

	DigestStates(JdbcClient jdbc, RowLocking locking) {
		this.jdbc = jdbc;
		this.locking = locking;
	}

	/** The person's state as committed, without a lock; nothing told yet if no row. */
	State read(long userId) {
		return this.jdbc
			.sql("select last_message_id, last_audit_id, last_digest_at from otos_digest_state where user_id = :user")
			.param("user", userId)
			.query(DigestStates::state)
			.optional()
			.orElse(State.NOTHING_TOLD);
	}

	/**
	 * Locks the person's row until the transaction ends, creating it first if needed;
	 * empty when another app node holds it (PostgreSQL skips locked rows; H2 waits for
	 * them).
	 */
	Optional<State> lock(long userId) {
		this.jdbc.sql("""
				insert into otos_digest_state (user_id, last_message_id, last_audit_id)
				values (:user, 0, 0)
				on conflict do nothing
				""").param("user", userId).update();
		return this.jdbc
			.sql("select last_message_id, last_audit_id, last_digest_at from otos_digest_state where user_id = :user"
					+ this.locking.forUpdate())
			.param("user", userId)
			.query(DigestStates::state)
			.optional();
	}

	/** Records a digest planned at {@code now} that told up to these ids. */
	void told(long userId, long lastMessageId, long lastAuditId, Instant now) {
		this.jdbc.sql("""
				update otos_digest_state
				set last_message_id = :message, last_audit_id = :audit, last_digest_at = :now
				where user_id = :user
				""")
			.param("message", lastMessageId)
			.param("audit", lastAuditId)
			.param("now", Timestamp.from(now))
			.param("user", userId)
			.update();
	}

	private static State state(ResultSet rs, int rowNumber) throws SQLException {
		Timestamp last = rs.getTimestamp("last_digest_at");
		return new State(rs.getLong("last_message_id"), rs.getLong("last_audit_id"),
				(last != null) ? last.toInstant() : null);
	}

	/**
	 * What a person's last digest covered; {@code lastDigestAt} is null before the first.
	 */
	record State(long lastMessageId, long lastAuditId, Instant lastDigestAt) {

		static final State NOTHING_TOLD = new State(0, 0, null);

	}

}
