package id.otos.messaging.accounts;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code otos.django.*}: running beside the original Django otos, whose log-in is then
 * the only one (README, "Running beside Django"). Django mode is on exactly when
 * {@code secret-key} is set; without it the application has its own log-in page and
 * accounts (standalone mode).
 *
 * @param secretKey Django's {@code SECRET_KEY}; set means Django mode, and it may not be
 * blank
 * @param secretKeyFallbacks Django's {@code SECRET_KEY_FALLBACKS}: sessions signed with
 * one of them are accepted too
 * @param sessionCookieName Django's {@code SESSION_COOKIE_NAME}
 * @param sessionCookieDomain Django's {@code SESSION_COOKIE_DOMAIN}, or none for a cookie
 * of the host alone; log-out clears the cookie there
 * @param sessionCookiePath Django's {@code SESSION_COOKIE_PATH}
 * @param loginUrl Django's log-in page (its {@code LOGIN_URL} as the browser reaches it):
 * a path on this site such as {@code /login/}, or an {@code http(s)} address
 * @param authenticationBackends Django's {@code AUTHENTICATION_BACKENDS}: a session
 * logged in by any other backend is not accepted, as Django would not accept it
 */
@ConfigurationProperties("otos.django")
public record DjangoProperties(String secretKey, @DefaultValue List<String> secretKeyFallbacks,
		@DefaultValue("sessionid") String sessionCookieName, String sessionCookieDomain,
		@DefaultValue("/") String sessionCookiePath, @DefaultValue("/login/") String loginUrl,
		@DefaultValue("django.contrib.auth.backends.ModelBackend") List<String> authenticationBackends) {

	private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

	public DjangoProperties {
		if (secretKey != null && secretKey.isBlank()) {
			throw new IllegalArgumentException("otos.django.secret-key is blank: set it to Django's SECRET_KEY, "
					+ "or remove it to run standalone with this application's own log-in");
		}
		if (secretKeyFallbacks.stream().anyMatch((fallback) -> fallback == null || fallback.isBlank())) {
			throw new IllegalArgumentException("otos.django.secret-key-fallbacks has a blank entry");
		}
		if (!COOKIE_NAME.matcher(sessionCookieName).matches()) {
			throw new IllegalArgumentException(
					"otos.django.session-cookie-name is not a cookie name: '" + sessionCookieName + "'");
		}
		if (!sessionCookiePath.startsWith("/")) {
			throw new IllegalArgumentException("otos.django.session-cookie-path must start with '/'");
		}
		if (!(loginUrl.startsWith("/") && !loginUrl.startsWith("//")) && !loginUrl.startsWith("https://")
				&& !loginUrl.startsWith("http://")) {
			throw new IllegalArgumentException(
					"otos.django.login-url must be a path such as /login/ or an http(s) address, not '" + loginUrl
							+ "'");
		}
		secretKeyFallbacks = List.copyOf(secretKeyFallbacks);
		authenticationBackends = List.copyOf(authenticationBackends);
	}

	/** Whether Django's session is the log-in: {@code secret-key} is set. */
	public boolean enabled() {
		return this.secretKey != null;
	}

	/** Never the secrets, which a log line or a configuration dump must not show. */
	@Override
	public String toString() {
		return "DjangoProperties[enabled=" + enabled() + ", fallbacks=" + this.secretKeyFallbacks.size()
				+ ", sessionCookieName=" + this.sessionCookieName + ", sessionCookieDomain=" + this.sessionCookieDomain
				+ ", sessionCookiePath=" + this.sessionCookiePath + ", loginUrl=" + this.loginUrl
				+ ", authenticationBackends=" + this.authenticationBackends + "]";
	}

}
