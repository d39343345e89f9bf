package id.otos.messaging.notifications;

import java.util.List;
import java.util.Locale;

import id.otos.messaging.text.OneLine;
import id.otos.messaging.threads.StatusChange;
import id.otos.messaging.threads.UnreadThread;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a digest e-mail in the recipient's language: a plain-text Thymeleaf template
 * ({@code templates/mail/digest.txt}) whose words come from {@code messages*.properties},
 * like every page's. Titles and names are put in as one line ({@link OneLine}), even when
 * the database holds them otherwise (written by another application, or before the rule),
 * so that none can start a line of its own and pose as the e-mail's text or links.
 */
@Component
class DigestComposer {

	private final SpringTemplateEngine templates;

	private final MessageSource messages;

	private final MailProperties mail;

	DigestComposer(MessageSource messages, MailProperties mail) {
		this.messages = messages;
		this.mail = mail;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateResolver(resolver);
		this.templates.setTemplateEngineMessageSource(messages);
	}

	Digest compose(String recipientName, Locale locale, List<UnreadThread> threads, List<StatusChange> changes) {
		long unread = threads.stream().mapToLong(UnreadThread::unread).sum();
		String subject = (unread > 0)
				? this.messages.getMessage("mail.digest.subject", new Object[] { unread, threads.size() }, locale)
				: this.messages.getMessage("mail.digest.subject.changes", new Object[] { changes.size() }, locale);
		Context context = new Context(locale);
		context.setVariable("name", OneLine.of(recipientName));
		context.setVariable("unread", unread);
		context.setVariable("threads", threads.stream().map(this::line).toList());
		context.setVariable("changes", changes.stream().map((change) -> line(change, locale)).toList());
		context.setVariable("inboxLink", this.mail.link("/messages/"));
		context.setVariable("profileLink", this.mail.link("/profile"));
		return new Digest(subject, this.templates.process("digest", context));
	}

	private ThreadLine line(UnreadThread thread) {
		return new ThreadLine(OneLine.of(thread.title()), thread.unread(), threadLink(thread.threadId()));
	}

	private ChangeLine line(StatusChange change, Locale locale) {
		String key = change.reopened() ? "mail.digest.change.reopened" : "mail.digest.change." + change.to().code();
		return new ChangeLine(OneLine.of(change.title()), this.messages.getMessage(key, null, locale),
				threadLink(change.threadId()));
	}

	private String threadLink(long threadId) {
		return this.mail.link("/messages/thread/" + threadId + "/");
	}

	/** A rendered e-mail. */
	record Digest(String subject, String body) {

	}

	/** One thread with unread messages, as the template lists it. */
	record ThreadLine(String title, long unread, String link) {

	}

	/** One status change, as the template lists it. */
	record ChangeLine(String title, String what, String link) {

	}

}
