package id.otos.messaging.accounts.django;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code session_data} of a row of Django's {@code django_session} table as
 * Django's database session backend does ({@code SessionBase.decode}:
 * {@code signing.loads} with the salt {@code django.contrib.sessions.SessionStore}, the
 * JSON serializer, no age limit), and returns what it says about the log-in.
 *
 * <p>
 * The value is {@code payload:timestamp:signature}. The signature is URL-safe base64
 * (without padding) of HMAC-SHA256 over {@code payload:timestamp}, keyed as
 * {@link DjangoSecret} describes; it is checked, in constant time, before anything else
 * is read. The payload is URL-safe base64 of compact JSON, zlib-compressed when the
 * payload starts with a dot. Nothing that fails is an error: it is a session that is not
 * logged in, as in Django, which answers a corrupted session with an empty one.
 *
 * <p>
 * What it costs is bounded before any work: a value longer than {@value #MAX_DATA_LENGTH}
 * characters is not read, and decompression stops at {@value #MAX_JSON_BYTES} bytes, so a
 * compression bomb costs at most that much memory and time. A session of a logged-in
 * person is about 200 bytes; otos also keeps a tryout in progress in it (answers by
 * question), a few kilobytes.
 */
public final class SignedSessionData {

	/** The salt of Django's database session store ({@code SessionBase.key_salt}). */
	static final String SALT = "django.contrib.sessions.SessionStore" + "signer";

	/** The longest {@code session_data} read at all, in characters. */
	public static final int MAX_DATA_LENGTH = 1_500_000;

	/** The most JSON a session may decompress to, in bytes (1 MiB). */
	public static final int MAX_JSON_BYTES = 1 << 20;

	private static final Pattern BASE62 = Pattern.compile("[0-9A-Za-z]{1,12}");

	private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,17}");

	private final List<SecretKeySpec> keys;

	private final JsonMapper json;

	public SignedSessionData(DjangoSecret secret, JsonMapper json) {
		this.keys = secret.keys(SALT);
		this.json = json;
	}

	/**
	 * The log-in of a session, if the value is signed with one of the secrets and says
	 * who logged in.
	 * @param sessionData the {@code session_data} column
	 * @return the log-in, or empty for anything else
	 */
	public Optional<SessionClaims> claims(String sessionData) {
		return signedPayload(sessionData).flatMap(this::decode).flatMap(SignedSessionData::logIn);
	}

	/**
	 * Whether the value is signed with one of the secrets, whatever it holds.
	 * @param sessionData the {@code session_data} column
	 * @return whether its signature verifies
	 */
	public boolean isSigned(String sessionData) {
		return signedPayload(sessionData).isPresent();
	}

	/**
	 * The payload of a value whose signature verifies, with its timestamp well-formed.
	 */
	private Optional<String> signedPayload(String sessionData) {
		if (sessionData == null || sessionData.length() > MAX_DATA_LENGTH) {
			return Optional.empty();
		}
		int signatureStart = sessionData.lastIndexOf(':');
		int timestampStart = (signatureStart > 0) ? sessionData.lastIndexOf(':', signatureStart - 1) : -1;
		if (timestampStart < 1) {
			return Optional.empty();
		}
		String signed = sessionData.substring(0, signatureStart);
		byte[] signature = sessionData.substring(signatureStart + 1).getBytes(StandardCharsets.US_ASCII);
		byte[] message = signed.getBytes(StandardCharsets.UTF_8);
		boolean verified = false;
		for (SecretKeySpec key : this.keys) {
			byte[] expected = Base64.getUrlEncoder().withoutPadding().encode(DjangoSecret.hmac(key, message));
			verified |= MessageDigest.isEqual(expected, signature);
		}
		if (!verified || !BASE62.matcher(signed.substring(timestampStart + 1)).matches()) {
			return Optional.empty();
		}
		return Optional.of(signed.substring(0, timestampStart));
	}

	/** The JSON object a verified payload holds. */
	private Optional<JsonNode> decode(String payload) {
		boolean compressed = payload.startsWith(".");
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(compressed ? payload.substring(1) : payload);
			if (compressed) {
				bytes = inflate(bytes);
			}
			if (bytes == null || bytes.length > MAX_JSON_BYTES) {
				return Optional.empty();
			}
			// Django's JSON serializer writes ASCII and reads it back as Latin-1.
			JsonNode session = this.json.readTree(new String(bytes, StandardCharsets.ISO_8859_1));
			return (session != null && session.isObject()) ? Optional.of(session) : Optional.empty();
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The zlib stream's content, or {@code null} if it is not a complete stream or holds
	 * more than {@link #MAX_JSON_BYTES}.
	 */
	private static byte[] inflate(byte[] compressed) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(compressed);
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, MAX_JSON_BYTES));
			byte[] chunk = new byte[8192];
			while (!inflater.finished()) {
				int read = inflater.inflate(chunk);
				if (read == 0 && !inflater.finished()) {
					return null; // truncated, or asks for a dictionary
				}
				out.write(chunk, 0, read);
				if (out.size() > MAX_JSON_BYTES) {
					return null;
				}
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			return null;
		}
		finally {
			inflater.end();
		}
	}

	/**
	 * The log-in keys of a session: the user's id (Django writes the primary key as a
	 * string), the backend and the password fingerprint; a session without all three is
	 * not logged in.
	 */
	private static Optional<SessionClaims> logIn(JsonNode session) {
		JsonNode id = session.get("_auth_user_id");
		JsonNode backend = session.get("_auth_user_backend");
		JsonNode hash = session.get("_auth_user_hash");
		if (id == null || backend == null || hash == null || !backend.isString() || !hash.isString()) {
			return Optional.empty();
		}
		Long userId = null;
		if (id.isString() && USER_ID.matcher(id.stringValue()).matches()) {
			userId = Long.parseLong(id.stringValue());
		}
		else if (id.isIntegralNumber() && id.canConvertToLong() && id.longValue() > 0) {
			userId = id.longValue();
		}
		return (userId != null) ? Optional.of(new SessionClaims(userId, backend.stringValue(), hash.stringValue()))
				: Optional.empty();
	}

}
