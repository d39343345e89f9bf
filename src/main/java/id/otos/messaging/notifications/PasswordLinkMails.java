package id.otos.messaging.notifications;

import java.time.Clock;

import id.otos.messaging.accounts.PasswordLinkIssued;
import id.otos.messaging.text.OneLine;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * E-mails a password link (a reset a person asked for, or an admin's invitation) in the
 * person's language: written to the outbox in the transaction that issued the link, so
 * that the link is e-mailed if and only if it was issued, and delivered by
 * {@link OutboxSender} without anyone waiting for the mail server. The name is put in as
 * one line ({@link OneLine}), so that it cannot pose as the e-mail's text or link.
 */
@Component
class PasswordLinkMails {

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final MailProperties mail;

	private final Clock clock;

	PasswordLinkMails(MailOutbox outbox, MessageSource messages, MailProperties mail, Clock clock) {
		this.outbox = outbox;
		this.messages = messages;
		this.mail = mail;
		this.clock = clock;
	}

	@EventListener
	void send(PasswordLinkIssued link) {
		String kind = link.invitation() ? "invitation" : "reset";
		long hours = Math.max(1, link.validity().toHours());
		String subject = this.messages.getMessage("mail.password-link." + kind + ".subject", null, link.locale());
		String body = this.messages.getMessage("mail.password-link." + kind + ".body",
				new Object[] { OneLine.of(link.name()), this.mail.link(link.path()), hours, this.mail.link("/login") },
				link.locale());
		this.outbox.add(link.userId(), link.email(), link.locale(), subject, body, this.clock.instant());
	}

}
