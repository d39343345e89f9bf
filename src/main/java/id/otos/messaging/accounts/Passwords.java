package id.otos.messaging.accounts;

import java.nio.charset.StandardCharsets;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, and at most
 * {@value #MAX_BYTES} bytes in UTF-8, because BCrypt reads no further and Spring Security
 * refuses longer input rather than silently ignoring the rest.
 */
public final class Passwords {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_BYTES = 72;

	private Passwords() {
	}

	/**
	 * Throws an {@link AccountException} for the given form field if the password is not
	 * acceptable as a new password.
	 */
	static void check(String rawPassword, String field) {
		if (rawPassword == null || rawPassword.codePointCount(0, rawPassword.length()) < MIN_LENGTH) {
			throw new AccountException(field, "account.error.password-too-short", MIN_LENGTH);
		}
		if (rawPassword.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new AccountException(field, "account.error.password-too-long", MAX_BYTES);
		}
	}

}
