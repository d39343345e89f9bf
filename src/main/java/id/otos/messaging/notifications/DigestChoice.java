package id.otos.messaging.notifications;

import java.util.Locale;

/**
 * A person's e-mail choice: digests on or off, and the language they come in.
 */
public record DigestChoice(boolean emailDigest, Locale locale) {

	static final Locale INDONESIAN = Locale.forLanguageTag("id");

	/** Without a choice of their own: digests on, in Indonesian, the app's language. */
	static final DigestChoice DEFAULT = new DigestChoice(true, INDONESIAN);

	public DigestChoice {
		locale = supported(locale);
	}

	/** Indonesian or English, the two languages the app speaks; Indonesian otherwise. */
	static Locale supported(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage())) ? Locale.ENGLISH : INDONESIAN;
	}

}
