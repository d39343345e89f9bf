package id.otos.messaging.notifications;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the e-mails say about where they come from ({@code otos.mail.*}); the mail server
 * itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param baseUrl the address people open the app at, for the links in e-mails
 * @param from the sender of the e-mails
 */
@ConfigurationProperties("otos.mail")
record MailProperties(@DefaultValue("http://127.0.0.1:8080") String baseUrl,
		@DefaultValue("otos <no-reply@otos.invalid>") String from) {

	/** An absolute link to a path of the app. */
	String link(String path) {
		String base = this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
		return base + path;
	}

	/** The host of the base URL, for the Message-ID of e-mails. */
	String host() {
		String host = URI.create(this.baseUrl).getHost();
		return (host != null) ? host : "otos.invalid";
	}

}
