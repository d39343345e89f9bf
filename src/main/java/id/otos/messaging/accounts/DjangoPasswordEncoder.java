package id.otos.messaging.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks passwords stored by the original Django otos in its
 * {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>} format, so adopted users can
 * log in with the password they already have. New hashes are never written in this
 * format: a successful log-in re-hashes the password with BCrypt.
 */
final class DjangoPasswordEncoder implements PasswordEncoder {

	static final String PREFIX = "pbkdf2_sha256$";

	@Override
	public String encode(CharSequence rawPassword) {
		throw new UnsupportedOperationException("Django hashes are only read, never written");
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith(PREFIX)) {
			return false;
		}
		String[] parts = encodedPassword.split("\\$", -1);
		if (parts.length != 4) {
			return false;
		}
		try {
			int iterations = Integer.parseInt(parts[1]);
			byte[] expected = Base64.getDecoder().decode(parts[3]);
			PBEKeySpec spec = new PBEKeySpec(rawPassword.toString().toCharArray(),
					parts[2].getBytes(StandardCharsets.UTF_8), iterations, expected.length * 8);
			byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			return MessageDigest.isEqual(expected, actual);
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			return false;
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return true;
	}

}
