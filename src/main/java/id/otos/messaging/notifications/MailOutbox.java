package id.otos.messaging.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox ({@code otos_mail_outbox}): e-mails written in the transaction that decided
 * to send them, delivered later by {@link OutboxSender}. A row is {@code pending} until a
 * mail server accepted it, then {@code sent}; pending rows are never deleted.
 */
@Component
class MailOutbox {

	static final String PENDING = "pending";

	static final String SENT = "sent";

	private static final int MAX_ERROR_LENGTH = 500;

	private final JdbcClient jdbc;

	private final RowLocking locking;

	private final MailProperties mail;

	MailOutbox(JdbcClient jdbc, RowLocking locking, MailProperties mail) {
		this.jdbc = jdbc;
		this.locking = locking;
		this.mail = mail;
	}

	/** Queues an e-mail, due at once; joins the caller's transaction. */
	void add(long recipientId, String recipientEmail, Locale locale, String subject, String body, Instant now) {
		String messageId = "<digest-" + UUID.randomUUID() + "@" + this.mail.host() + ">";
		this.jdbc.sql("""
				insert into otos_mail_outbox (recipient_id, recipient_email, locale, subject, body, message_id, status,
				        attempts, next_attempt_at, created_at)
				values (:recipient, :email, :locale, :subject, :body, :messageId, :status, 0, :now, :now)
				""")
			.param("recipient", recipientId)
			.param("email", recipientEmail)
			.param("locale", locale.toLanguageTag())
			.param("subject", subject)
			.param("body", body)
			.param("messageId", messageId)
			.param("status", PENDING)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The next pending e-mail that is due, locked until the caller's transaction ends (on
	 * PostgreSQL, one another node has locked is skipped).
	 */
	Optional<OutboxMail> lockNextDue(Instant now) {
		return this.jdbc.sql("""
				select id, recipient_email, subject, body, message_id, attempts
				from otos_mail_outbox
				where status = :status and next_attempt_at <= :now
				order by next_attempt_at, id
				fetch first 1 rows only
				""" + this.locking.forUpdate())
			.param("status", PENDING)
			.param("now", Timestamp.from(now))
			.query((rs, rowNumber) -> new OutboxMail(rs.getLong("id"), rs.getString("recipient_email"),
					rs.getString("subject"), rs.getString("body"), rs.getString("message_id"), rs.getInt("attempts")))
			.optional();
	}

	void markSent(OutboxMail mail, Instant now) {
		this.jdbc.sql("""
				update otos_mail_outbox set status = :status, attempts = attempts + 1, sent_at = :now, last_error = null
				where id = :id
				""").param("status", SENT).param("now", Timestamp.from(now)).param("id", mail.id()).update();
	}

	void markFailed(OutboxMail mail, Instant nextAttempt, String error) {
		String shortError = (error != null && error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH)
				: error;
		this.jdbc.sql("""
				update otos_mail_outbox set attempts = attempts + 1, next_attempt_at = :next, last_error = :error
				where id = :id
				""")
			.param("next", Timestamp.from(nextAttempt))
			.param("error", shortError)
			.param("id", mail.id())
			.update();
	}

}
