package id.otos.messaging.attachments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code otos.attachments.*}: the largest file a message may carry.
 */
@ConfigurationProperties("otos.attachments")
public record AttachmentProperties(@DefaultValue("10485760") long maxBytes) {

}
