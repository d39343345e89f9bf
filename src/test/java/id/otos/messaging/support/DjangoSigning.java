package id.otos.messaging.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Deflater;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes Django sessions for tests, written from the recipe of the fixture's README
 * (checked there against the data with Python's {@code hashlib}), independently of the
 * application's reader: {@code SignedSessionDataTests} checks that it signs the fixture's
 * payloads exactly as Django did. With it a test makes what Django would write for any
 * user, and also what Django never writes.
 */
public final class DjangoSigning {

	private static final String SESSION_SALT = "django.contrib.sessions.SessionStore" + "signer";

	private static final String AUTH_HASH_SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash";

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final SecureRandom random = new SecureRandom();

	private DjangoSigning() {
	}

	/**
	 * The {@code session_data} Django writes when the user logs in with
	 * {@code ModelBackend}.
	 * @param userId the user
	 * @param passwordHash the user's {@code password} column at log-in
	 * @param secret Django's {@code SECRET_KEY}
	 * @return the signed session
	 */
	public static String logIn(long userId, String passwordHash, String secret) {
		return signJson(logInJson(userId, passwordHash, secret), secret);
	}

	/** The JSON of a log-in session, as Django's JSON serializer writes it. */
	public static String logInJson(long userId, String passwordHash, String secret) {
		return "{\"_auth_user_id\":\"" + userId
				+ "\",\"_auth_user_backend\":\"django.contrib.auth.backends.ModelBackend\"," + "\"_auth_user_hash\":\""
				+ authHash(passwordHash, secret) + "\"}";
	}

	/**
	 * Signs JSON as {@code signing.dumps(compress=True)} does: zlib-compressed (and the
	 * payload marked with a dot) when that is shorter by more than one byte.
	 */
	public static String signJson(String json, String secret) {
		byte[] data = json.getBytes(StandardCharsets.ISO_8859_1);
		byte[] compressed = deflate(data);
		boolean compress = compressed.length < data.length - 1;
		return signPayload((compress ? "." : "") + base64(compress ? compressed : data), secret);
	}

	/** Signs a payload as it is (whatever it holds), timestamped now. */
	public static String signPayload(String payload, String secret) {
		String signed = payload + ":" + base62(System.currentTimeMillis() / 1000);
		return signed + ":" + signature(signed, secret);
	}

	/** The signature of {@code payload:timestamp}. */
	public static String signature(String signed, String secret) {
		return base64(hmac(SESSION_SALT, secret, signed.getBytes(StandardCharsets.UTF_8)));
	}

	/** Django's {@code get_session_auth_hash} of a password hash. */
	public static String authHash(String passwordHash, String secret) {
		return HexFormat.of().formatHex(hmac(AUTH_HASH_SALT, secret, passwordHash.getBytes(StandardCharsets.UTF_8)));
	}

	/** A new session key as Django makes them: 32 characters of {@code [a-z0-9]}. */
	public static String newSessionKey() {
		String characters = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder key = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			key.append(characters.charAt(random.nextInt(characters.length())));
		}
		return key.toString();
	}

	public static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater();
		deflater.setInput(data);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		while (!deflater.finished()) {
			out.write(chunk, 0, deflater.deflate(chunk));
		}
		deflater.end();
		return out.toByteArray();
	}

	public static String base64(byte[] data) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
	}

	private static String base62(long value) {
		StringBuilder digits = new StringBuilder();
		do {
			digits.insert(0, BASE62.charAt((int) (value % 62)));
			value /= 62;
		}
		while (value > 0);
		return digits.toString();
	}

	private static byte[] hmac(String salt, String secret, byte[] message) {
		try {
			byte[] key = MessageDigest.getInstance("SHA-256").digest((salt + secret).getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
