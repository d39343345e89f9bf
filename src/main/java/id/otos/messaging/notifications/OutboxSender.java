package id.otos.messaging.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: each due e-mail in a transaction of its own that holds the row's
 * lock while the mail server is asked, and marks it sent in the same transaction. A
 * failure leaves the row pending with one more attempt, the error, and a later next
 * attempt.
 *
 * <p>
 * Delivery is at least once: if the server accepted an e-mail but the mark never reached
 * the database (a crash, a lost connection), the e-mail is sent again later, with the
 * same {@code Message-ID}, so mail clients and servers can recognise the duplicate.
 */
@Component
class OutboxSender {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 50;

	private final MailOutbox outbox;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final TransactionTemplate transactions;

	private final NotificationProperties properties;

	private final MailProperties mail;

	private final OperationsMetrics metrics;

	private final Clock clock;

	private final Session session = Session.getInstance(new Properties());

	OutboxSender(MailOutbox outbox, ObjectProvider<JavaMailSender> mailSender, TransactionTemplate transactions,
			NotificationProperties properties, MailProperties mail, OperationsMetrics metrics, Clock clock) {
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.transactions = transactions;
		this.properties = properties;
		this.mail = mail;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${otos.notifications.send-interval:30s}", initialDelayString = "30s")
	void sendOnSchedule() {
		if (this.properties.enabled() && this.mailSender.getIfAvailable() != null) {
			sendDue(this.clock.instant());
		}
	}

	/**
	 * Sends the e-mails due at {@code now}, at most a batch of them.
	 * @param now the time
	 * @return how many a mail server accepted
	 */
	int sendDue(Instant now) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (int i = 0; i < BATCH; i++) {
			Optional<Boolean> result = Optional
				.ofNullable(this.transactions.execute((status) -> sendNext(sender, now)));
			if (result.isEmpty()) {
				break;
			}
			sent += result.get() ? 1 : 0;
		}
		return sent;
	}

	/** True when sent, false when failed, null when nothing was due. */
	private Boolean sendNext(JavaMailSender sender, Instant now) {
		Optional<OutboxMail> due = this.outbox.lockNextDue(now);
		if (due.isEmpty()) {
			return null;
		}
		OutboxMail mail = due.get();
		try {
			sender.send(message(mail));
			this.outbox.markSent(mail, now);
			this.metrics.mailSent();
			return true;
		}
		catch (MailException | MessagingException ex) {
			int failures = mail.attempts() + 1;
			Instant next = now.plus(this.properties.retryAfter(failures));
			logger.warn("E-mail {} (outbox id) not sent (attempt {}), next attempt at {}: {}", mail.id(), failures,
					next, ex.getMessage());
			this.outbox.markFailed(mail, next, ex.getMessage());
			this.metrics.mailFailed();
			return false;
		}
	}

	private MimeMessage message(OutboxMail mail) throws MessagingException {
		MimeMessage message = new StableIdMessage(this.session, mail.messageId());
		InternetAddress[] from = InternetAddress.parse(this.mail.from());
		message.setFrom(from[0]);
		message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipientEmail()));
		message.setSubject(mail.subject(), "UTF-8");
		message.setText(mail.body(), "UTF-8");
		return message;
	}

	/** A message whose Message-ID is the outbox row's, on every attempt. */
	private static final class StableIdMessage extends MimeMessage {

		private final String messageId;

		StableIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
