package id.otos.messaging.threads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code otos.messages.*}: how many threads an inbox page lists.
 */
@ConfigurationProperties("otos.messages")
public record MessagesProperties(@DefaultValue("10") int pageSize) {

}
