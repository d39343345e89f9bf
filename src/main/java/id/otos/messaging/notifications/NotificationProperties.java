package id.otos.messaging.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail digest settings ({@code otos.notifications.*}).
 *
 * @param enabled whether the planner and the sender run on their schedule (they run only
 * where a mail server is configured, {@code spring.mail.host})
 * @param digestDelay how long a message may stay unread before it is mailed, and the
 * least time between two digests to one person
 * @param backlog messages older than this are never mailed (nobody gets a digest of last
 * year's messages when digests are first turned on)
 * @param retryDelay the wait after a first failed delivery; it doubles with each failure
 * @param maxRetryDelay the longest wait between two delivery attempts
 */
@ConfigurationProperties("otos.notifications")
record NotificationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration digestDelay,
		@DefaultValue("24h") Duration backlog, @DefaultValue("1m") Duration retryDelay,
		@DefaultValue("1h") Duration maxRetryDelay) {

	/** The wait before the next delivery attempt after {@code failures} failed ones. */
	Duration retryAfter(int failures) {
		Duration wait = this.retryDelay;
		for (int i = 1; i < failures && wait.compareTo(this.maxRetryDelay) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxRetryDelay) > 0) ? this.maxRetryDelay : wait;
	}

}
