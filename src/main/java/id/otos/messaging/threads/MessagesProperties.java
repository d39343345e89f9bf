package id.otos.messaging.threads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code otos.messages.*}: how many threads an inbox page lists, and how many new threads
 * a student may open in an hour ({@code threads-per-hour}).
 */
@ConfigurationProperties("otos.messages")
public record MessagesProperties(@DefaultValue("10") int pageSize, @DefaultValue("10") int threadsPerHour) {

	public MessagesProperties {
		if (threadsPerHour < 1) {
			throw new IllegalArgumentException(
					"otos.messages.threads-per-hour must be at least 1, not " + threadsPerHour);
		}
	}

}
