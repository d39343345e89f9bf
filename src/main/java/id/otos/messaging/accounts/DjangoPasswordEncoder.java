package id.otos.messaging.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords in the original Django otos's
 * {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>} format.
 *
 * <p>
 * Standalone, hashes are only read ({@link #DjangoPasswordEncoder()}), so adopted users
 * can log in with the password they already have, and a successful log-in re-hashes the
 * password with BCrypt. Beside Django ({@link #writing(int)}), Django owns the passwords:
 * a password set here (by an admin, or on the profile page) is written in Django's
 * format, which Django reads, and nothing is ever re-hashed into a format Django cannot
 * read.
 */
final class DjangoPasswordEncoder implements PasswordEncoder {

	static final String PREFIX = "pbkdf2_sha256$";

	/** The iterations of Django 5.1's {@code PBKDF2PasswordHasher}. */
	static final int DJANGO_ITERATIONS = 870_000;

	/** Django's salts: 22 characters of {@code [a-zA-Z0-9]}, about 131 bits. */
	private static final String SALT_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final int SALT_LENGTH = 22;

	private final SecureRandom random = new SecureRandom();

	/** Iterations of new hashes; 0 when hashes are only read. */
	private final int iterations;

	/** Reads Django's hashes and writes none; log-in replaces them. */
	DjangoPasswordEncoder() {
		this.iterations = 0;
	}

	private DjangoPasswordEncoder(int iterations) {
		this.iterations = iterations;
	}

	/**
	 * Reads Django's hashes and writes new ones in its format, never asking for an
	 * upgrade.
	 * @param iterations the PBKDF2 iterations of new hashes
	 * @return the encoder
	 */
	static DjangoPasswordEncoder writing(int iterations) {
		if (iterations < 1) {
			throw new IllegalArgumentException("PBKDF2 needs at least one iteration");
		}
		return new DjangoPasswordEncoder(iterations);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		if (this.iterations == 0) {
			throw new UnsupportedOperationException("Django hashes are only read, never written");
		}
		StringBuilder salt = new StringBuilder(SALT_LENGTH);
		for (int i = 0; i < SALT_LENGTH; i++) {
			salt.append(SALT_CHARACTERS.charAt(this.random.nextInt(SALT_CHARACTERS.length())));
		}
		byte[] hash = pbkdf2(rawPassword, salt.toString(), this.iterations, 32);
		return PREFIX + this.iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(hash);
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
			return MessageDigest.isEqual(expected, pbkdf2(rawPassword, parts[2], iterations, expected.length));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return false;
		}
	}

	/**
	 * Standalone, every Django hash is replaced by BCrypt at the next log-in; beside
	 * Django, none is, since Django could not read the result.
	 */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.iterations == 0;
	}

	private static byte[] pbkdf2(CharSequence rawPassword, String salt, int iterations, int length) {
		try {
			PBEKeySpec spec = new PBEKeySpec(rawPassword.toString().toCharArray(),
					salt.getBytes(StandardCharsets.UTF_8), iterations, length * 8);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2 refused its input", ex);
		}
	}

}
