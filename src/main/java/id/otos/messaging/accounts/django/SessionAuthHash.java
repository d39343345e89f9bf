package id.otos.messaging.accounts.django;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

/**
 * Django's session auth hash ({@code AbstractBaseUser.get_session_auth_hash}): a salted
 * HMAC-SHA256 of the user's stored password hash, kept in the session at log-in. A
 * session whose hash no longer matches the user's password as stored now (the password
 * was changed since) is not logged in, in Django as here. Fallback secrets count too, as
 * in Django 4.1 and later.
 */
public final class SessionAuthHash {

	static final String SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash";

	private final List<SecretKeySpec> keys;

	public SessionAuthHash(DjangoSecret secret) {
		this.keys = secret.keys(SALT);
	}

	/**
	 * Whether the session's hash is the one of this password hash, under any of the
	 * secrets; compared in constant time.
	 * @param sessionHash the session's {@code _auth_user_hash}
	 * @param passwordHash the user's {@code password} column as it is now
	 * @return whether they match
	 */
	public boolean matches(String sessionHash, String passwordHash) {
		if (sessionHash == null || passwordHash == null) {
			return false;
		}
		byte[] claimed = sessionHash.getBytes(StandardCharsets.US_ASCII);
		byte[] password = passwordHash.getBytes(StandardCharsets.UTF_8);
		boolean matched = false;
		for (SecretKeySpec key : this.keys) {
			byte[] expected = HexFormat.of()
				.formatHex(DjangoSecret.hmac(key, password))
				.getBytes(StandardCharsets.US_ASCII);
			matched |= MessageDigest.isEqual(expected, claimed);
		}
		return matched;
	}

}
