package id.otos.messaging.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The password links' tokens ({@code otos_password_token}): 256 random bits each, given
 * out once (in the e-mail) and kept only as their SHA-256, so that a copy of the table
 * opens no account. A person has at most one link at a time: issuing one deletes their
 * earlier ones, using one deletes it, and a password changed otherwise deletes them all.
 * Every method joins the caller's transaction.
 */
@Component
class PasswordTokens {

	/** What a link is for. */
	enum Purpose {

		/** A reset the person asked for. */
		RESET("reset"),

		/** An admin's invitation of a new account without a password. */
		INVITATION("invitation");

		private final String stored;

		Purpose(String stored) {
			this.stored = stored;
		}

	}

	/** The longest token a link can carry (43 characters of base64url for 32 bytes). */
	static final int TOKEN_LENGTH = 43;

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	PasswordTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new link's token for the person, valid for {@code validity}; their earlier links
	 * stop working.
	 * @return the token, to be put in the link and nowhere else
	 */
	String issue(long userId, Purpose purpose, Duration validity, Instant now) {
		forget(userId);
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into otos_password_token (user_id, token_hash, purpose, created_at, expires_at)
				values (:user, :hash, :purpose, :now, :expires)
				""")
			.param("user", userId)
			.param("hash", hash(token))
			.param("purpose", purpose.stored)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(validity)))
			.update();
		return token;
	}

	/**
	 * The person a token is valid for now, if any: known, not expired, not used.
	 * @param token the token from the link, as typed (anything)
	 */
	Optional<Long> holder(String token, Instant now) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		return this.jdbc.sql("select user_id from otos_password_token where token_hash = :hash and expires_at > :now")
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * Uses up a token: at most one caller ever gets its holder, even when two use it at
	 * once (only one of them deletes the row).
	 * @return the person it was valid for, or empty when it is unknown, expired or used
	 */
	Optional<Long> use(String token, Instant now) {
		Optional<Long> holder = holder(token, now);
		if (holder.isEmpty()) {
			return Optional.empty();
		}
		int deleted = this.jdbc.sql("delete from otos_password_token where token_hash = :hash")
			.param("hash", hash(token))
			.update();
		return (deleted == 1) ? holder : Optional.empty();
	}

	/** The person's links all stop working. */
	void forget(long userId) {
		this.jdbc.sql("delete from otos_password_token where user_id = :user").param("user", userId).update();
	}

	private static boolean wellFormed(String token) {
		return token != null && token.length() == TOKEN_LENGTH
				&& token.chars()
					.allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
							|| c == '-' || c == '_');
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
