package id.otos.messaging.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the digest planner and the outbox sender on their schedules, and says once at
 * start whether e-mail is on: without {@code spring.mail.host} (the embedded default)
 * nothing is planned or sent, so the outbox does not fill with e-mails nobody will
 * deliver.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailSchedule {

	private static final Logger logger = LoggerFactory.getLogger(MailSchedule.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final NotificationProperties properties;

	MailSchedule(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sayWhetherMailIsOn() {
		if (!this.properties.enabled()) {
			logger.info("E-mail digests are off (otos.notifications.enabled=false)");
		}
		else if (this.mailSender.getIfAvailable() == null) {
			logger.info("E-mail digests are off: no mail server configured (spring.mail.host)");
		}
		else {
			logger.info("E-mail digests on: after {} unread", this.properties.digestDelay());
		}
	}

}
