package id.otos.messaging.notifications.web;

import java.util.function.Supplier;

import id.otos.messaging.notifications.DigestChoice;

/**
 * The profile page's e-mail section: the person's choice, read from the database only if
 * the page shows it, and once.
 */
public final class DigestChoiceView {

	private final Supplier<DigestChoice> source;

	private final long delayMinutes;

	private DigestChoice choice;

	DigestChoiceView(Supplier<DigestChoice> source, long delayMinutes) {
		this.source = source;
		this.delayMinutes = delayMinutes;
	}

	public boolean emailDigest() {
		return choice().emailDigest();
	}

	/** {@code id} or {@code en}. */
	public String language() {
		return choice().locale().getLanguage();
	}

	public long delayMinutes() {
		return this.delayMinutes;
	}

	private DigestChoice choice() {
		if (this.choice == null) {
			this.choice = this.source.get();
		}
		return this.choice;
	}

}
