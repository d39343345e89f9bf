package id.otos.messaging.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's e-mail choice, kept in {@code otos_notification_settings}; a person
 * without a row has the {@linkplain DigestChoice#DEFAULT default}.
 */
@Service
public class NotificationSettings {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NotificationProperties properties;

	NotificationSettings(JdbcClient jdbc, Clock clock, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * How long a message waits unread before it is mailed, and the least time between two
	 * digests.
	 */
	public Duration digestDelay() {
		return this.properties.digestDelay();
	}

	@Transactional(readOnly = true)
	public DigestChoice choiceOf(long userId) {
		return this.jdbc.sql("select email_digest, locale from otos_notification_settings where user_id = :user")
			.param("user", userId)
			.query((rs, rowNumber) -> new DigestChoice(rs.getBoolean("email_digest"),
					Locale.forLanguageTag(rs.getString("locale"))))
			.optional()
			.orElse(DigestChoice.DEFAULT);
	}

	/** Saves a person's choice; two saves racing each other leave one of them, whole. */
	@Transactional
	public void choose(long userId, DigestChoice choice) {
		Timestamp now = Timestamp.from(this.clock.instant());
		String locale = choice.locale().toLanguageTag();
		this.jdbc.sql("""
				insert into otos_notification_settings (user_id, email_digest, locale, updated_at)
				values (:user, :digest, :locale, :now)
				on conflict do nothing
				""")
			.param("user", userId)
			.param("digest", choice.emailDigest())
			.param("locale", locale)
			.param("now", now)
			.update();
		this.jdbc.sql("""
				update otos_notification_settings set email_digest = :digest, locale = :locale, updated_at = :now
				where user_id = :user
				""")
			.param("user", userId)
			.param("digest", choice.emailDigest())
			.param("locale", locale)
			.param("now", now)
			.update();
	}

}
