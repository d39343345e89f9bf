package id.otos.messaging.accounts.django;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import id.otos.messaging.support.DjangoFixture;
import id.otos.messaging.support.DjangoFixture.Verdict;
import id.otos.messaging.support.DjangoSigning;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's signed sessions read as Django reads them: the five real sessions of the
 * fixture (made by Django's own log-in) exactly as Django judged them, and everything
 * Django would refuse (tampering, another secret, garbage, oversized values) refused.
 */
class SignedSessionDataTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SECRET = "test-secret-key-for-signed-session-tests-0123456789";

	private final SignedSessionData reader = reader(SECRET);

	@Test
	void everyFixtureSessionIsSignedWithTheRecordedSecretAndNamesTheUserDjangoNamed() {
		DjangoFixture fixture = DjangoFixture.load();
		SignedSessionData django = reader(fixture.secretKey());
		assertThat(fixture.verdicts()).hasSize(fixture.sessions().size()).isNotEmpty();
		for (Verdict verdict : fixture.verdicts()) {
			Optional<SessionClaims> claims = django.claims(fixture.session(verdict.sessionKey()).data());
			assertThat(claims).as(verdict.sessionKey()).isPresent();
			assertThat(claims.get().userId()).isEqualTo(verdict.userId());
			assertThat(claims.get().backend()).isEqualTo("django.contrib.auth.backends.ModelBackend");
		}
	}

	@Test
	void theSessionAuthHashMatchesTheUsersPasswordExactlyWhereDjangoSaidItDid() {
		DjangoFixture fixture = DjangoFixture.load();
		SessionAuthHash authHash = new SessionAuthHash(new DjangoSecret(fixture.secretKey(), List.of()));
		assertThat(fixture.verdicts()).anyMatch(Verdict::authHashMatches).anyMatch((v) -> !v.authHashMatches());
		for (Verdict verdict : fixture.verdicts()) {
			SessionClaims claims = reader(fixture.secretKey()).claims(fixture.session(verdict.sessionKey()).data())
				.orElseThrow();
			assertThat(authHash.matches(claims.authHash(), fixture.user(verdict.userId()).password()))
				.as(verdict.sessionKey())
				.isEqualTo(verdict.authHashMatches());
		}
	}

	@Test
	void theTestsSignerSignsAsDjangoDid() {
		DjangoFixture fixture = DjangoFixture.load();
		for (DjangoFixture.Session session : fixture.sessions()) {
			String signed = session.data().substring(0, session.data().lastIndexOf(':'));
			assertThat(signed + ":" + DjangoSigning.signature(signed, fixture.secretKey())).isEqualTo(session.data());
		}
	}

	@Test
	void aSessionSignedWithAFallbackSecretIsRead() {
		DjangoFixture fixture = DjangoFixture.load();
		DjangoSecret rotated = new DjangoSecret("the-new-secret-key-after-rotation-0123456789abcdef",
				List.of(fixture.secretKey()));
		SignedSessionData reader = new SignedSessionData(rotated, json);
		SessionAuthHash authHash = new SessionAuthHash(rotated);
		Verdict verdict = fixture.loggedInSession();

		SessionClaims claims = reader.claims(fixture.session(verdict.sessionKey()).data()).orElseThrow();

		assertThat(claims.userId()).isEqualTo(verdict.userId());
		assertThat(authHash.matches(claims.authHash(), fixture.user(verdict.userId()).password())).isTrue();
	}

	@Test
	void aSessionSignedWithAnotherSecretIsNotRead() {
		DjangoFixture fixture = DjangoFixture.load();
		for (DjangoFixture.Session session : fixture.sessions()) {
			assertThat(this.reader.claims(session.data())).isEmpty();
			assertThat(this.reader.isSigned(session.data())).isFalse();
		}
		assertThat(new SessionAuthHash(new DjangoSecret(SECRET, List.of())).matches(
				DjangoSigning.authHash("pbkdf2_sha256$1$salt$hash", fixture.secretKey()), "pbkdf2_sha256$1$salt$hash"))
			.isFalse();
	}

	@Test
	void aLogInSessionIsReadWhetherCompressedOrNot() {
		String compressed = DjangoSigning.logIn(42, "pbkdf2_sha256$870000$salt$hash", SECRET);
		String plain = DjangoSigning.signPayload(
				DjangoSigning.base64(DjangoSigning.logInJson(42, "hash", SECRET).getBytes(StandardCharsets.UTF_8)),
				SECRET);

		assertThat(compressed).startsWith(".");
		assertThat(this.reader.claims(compressed)).map(SessionClaims::userId).contains(42L);
		assertThat(this.reader.claims(plain)).map(SessionClaims::userId).contains(42L);
	}

	@Test
	void anyTamperingIsRefused() {
		String data = DjangoSigning.logIn(42, "pbkdf2_sha256$870000$salt$hash", SECRET);
		int timestamp = data.indexOf(':');
		int signature = data.lastIndexOf(':');
		assertThat(this.reader.claims(data)).isPresent();

		assertThat(this.reader.claims(changed(data, 5))).as("payload").isEmpty();
		assertThat(this.reader.claims(changed(data, timestamp + 1))).as("timestamp").isEmpty();
		assertThat(this.reader.claims(changed(data, signature + 3))).as("signature").isEmpty();
		assertThat(this.reader.claims(data.substring(0, signature))).as("no signature").isEmpty();
		assertThat(this.reader.claims(data + "A")).as("longer signature").isEmpty();
		assertThat(this.reader.claims(data.substring(1))).as("compression mark removed").isEmpty();
	}

	@Test
	void aSessionThatDoesNotSayWhoLoggedInIsNotALogIn() {
		for (String session : List.of("{}", "[]", "\"text\"", "null", "5",
				"{\"_auth_user_id\":\"5\",\"_auth_user_backend\":\"django.contrib.auth.backends.ModelBackend\"}",
				"{\"_auth_user_id\":\"5\",\"_auth_user_hash\":\"ab\"}",
				"{\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\"}",
				"{\"_auth_user_id\":\"abc\",\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\"}",
				"{\"_auth_user_id\":\"0\",\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\"}",
				"{\"_auth_user_id\":\"-5\",\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\"}",
				"{\"_auth_user_id\":\"99999999999999999999\",\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\"}",
				"{\"_auth_user_id\":5.5,\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\"}",
				"{\"_auth_user_id\":\"5\",\"_auth_user_backend\":7,\"_auth_user_hash\":\"ab\"}",
				"{\"_auth_user_id\":\"5\",\"_auth_user_backend\":\"b\",\"_auth_user_hash\":null}",
				"{\"_auth_user_id\":\"5\",", "not json at all")) {
			String data = DjangoSigning.signJson(session, SECRET);
			assertThat(this.reader.isSigned(data)).as(session).isTrue();
			assertThat(this.reader.claims(data)).as(session).isEmpty();
		}
		assertThat(this.reader.claims(DjangoSigning
			.signJson("{\"_auth_user_id\":5,\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\"}", SECRET)))
			.map(SessionClaims::userId)
			.contains(5L);
	}

	@Test
	void garbageIsNotRead() {
		for (String data : new String[] { null, "", ":", "::", "a:b:c", "garbage", "\u0000:\u0000:\u0000", "é:ü:ß" }) {
			assertThat(this.reader.claims(data)).as(String.valueOf(data)).isEmpty();
		}
		assertThat(this.reader.claims(DjangoSigning.signPayload("not*base64!", SECRET))).isEmpty();
		assertThat(this.reader.claims(DjangoSigning.signPayload(".bm90IHpsaWI", SECRET))).as("not zlib").isEmpty();
		byte[] zlib = DjangoSigning.deflate(DjangoSigning.logInJson(5, "h", SECRET).getBytes(StandardCharsets.UTF_8));
		byte[] truncated = java.util.Arrays.copyOf(zlib, zlib.length - 6);
		assertThat(this.reader.claims(DjangoSigning.signPayload("." + DjangoSigning.base64(truncated), SECRET)))
			.as("truncated zlib")
			.isEmpty();
		String data = DjangoSigning.logIn(5, "h", SECRET);
		String badTimestamp = data.substring(0, data.indexOf(':')) + ":$$";
		assertThat(this.reader.claims(badTimestamp + ":" + DjangoSigning.signature(badTimestamp, SECRET))).isEmpty();
	}

	@Test
	void aCompressionBombIsRefusedWithoutInflatingItAll() {
		String bomb = DjangoSigning.signPayload("." + DjangoSigning.base64(bomb(64_000_000)), SECRET);
		assertThat(bomb.length()).as("64 MB in a small row").isLessThan(SignedSessionData.MAX_DATA_LENGTH / 10);

		assertThat(this.reader.isSigned(bomb)).isTrue();
		assertThat(this.reader.claims(bomb)).isEmpty();
	}

	@Test
	void aValueOverTheLengthLimitIsNotRead() {
		String large = "{\"_auth_user_id\":\"5\",\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\",\"x\":\""
				+ random(SignedSessionData.MAX_DATA_LENGTH) + "\"}";
		String data = DjangoSigning.signPayload(DjangoSigning.base64(large.getBytes(StandardCharsets.UTF_8)), SECRET);

		assertThat(data.length()).isGreaterThan(SignedSessionData.MAX_DATA_LENGTH);
		assertThat(this.reader.isSigned(data)).isFalse();
		assertThat(this.reader.claims(data)).isEmpty();
	}

	@Test
	void aLargeButPlausibleSessionIsRead() {
		String tryout = "{\"_auth_user_id\":\"5\",\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\",\"answers\":\""
				+ random(200_000) + "\"}";

		assertThat(this.reader.claims(DjangoSigning.signJson(tryout, SECRET))).map(SessionClaims::userId).contains(5L);
	}

	/**
	 * zlib of a log-in session padded with {@code size} spaces (valid JSON, which any
	 * parser reads whole if it is given it), made without holding them.
	 */
	private static byte[] bomb(int size) {
		java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		byte[] buffer = new byte[65536];
		deflater.setInput("{\"_auth_user_id\":\"5\",\"_auth_user_backend\":\"b\",\"_auth_user_hash\":\"ab\""
			.getBytes(StandardCharsets.US_ASCII));
		byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
		for (int written = 0; written < size; written += spaces.length) {
			while (!deflater.needsInput()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			deflater.setInput(spaces);
		}
		while (!deflater.needsInput()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.setInput("}".getBytes(StandardCharsets.US_ASCII));
		deflater.finish();
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	private static SignedSessionData reader(String secret) {
		return new SignedSessionData(new DjangoSecret(secret, List.of()), json);
	}

	/** The text with one character replaced by another of the same base64 alphabet. */
	private static String changed(String text, int at) {
		char replacement = (text.charAt(at) == 'A') ? 'B' : 'A';
		return text.substring(0, at) + replacement + text.substring(at + 1);
	}

	/** Incompressible text of base64 characters. */
	private static String random(int length) {
		byte[] bytes = new byte[length];
		new java.util.Random(7).nextBytes(bytes);
		return DjangoSigning.base64(bytes).substring(0, length);
	}

}
