package id.otos.messaging.accounts;

import java.time.Duration;
import java.util.Locale;

/**
 * A link to set a password was issued to a person, to be e-mailed to them in the
 * transaction that issued it (the listener writes the e-mail to the outbox).
 *
 * @param userId the person
 * @param email their e-mail address
 * @param name their name as they are greeted
 * @param locale the language of the e-mail
 * @param invitation {@code true} for an admin's invitation of a new account,
 * {@code false} for a reset the person asked for
 * @param path the link's path in this application (it carries the token)
 * @param validity how long the link works
 */
public record PasswordLinkIssued(long userId, String email, String name, Locale locale, boolean invitation, String path,
		Duration validity) {

	@Override
	public String toString() {
		// the path carries the token: never in a log
		return "PasswordLinkIssued[userId=" + this.userId + ", invitation=" + this.invitation + "]";
	}

}
