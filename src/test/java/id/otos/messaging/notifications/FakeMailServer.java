package id.otos.messaging.notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail sender that keeps what it is given instead of talking SMTP, and can be down, for
 * the outbox tests on both databases (GreenMail stands in for a real server in
 * {@code DigestMailTests}).
 */
class FakeMailServer extends JavaMailSenderImpl {

	private final List<String> received = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private volatile long slowMillis;

	void down(boolean down) {
		this.down = down;
	}

	void slow(long millis) {
		this.slowMillis = millis;
	}

	/** The Message-IDs received, in order. */
	List<String> received() {
		return this.received;
	}

	@Override
	protected void doSend(MimeMessage[] messages, Object[] originals) {
		if (this.down) {
			throw new MailSendException("Connection refused");
		}
		try {
			Thread.sleep(this.slowMillis);
			for (MimeMessage message : messages) {
				message.saveChanges();
				this.received.add(message.getMessageID());
			}
		}
		catch (MessagingException | InterruptedException ex) {
			throw new MailSendException("cannot read the message", ex);
		}
	}

}
