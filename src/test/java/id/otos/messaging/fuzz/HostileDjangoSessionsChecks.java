package id.otos.messaging.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import id.otos.messaging.support.DatabaseSnapshot;
import id.otos.messaging.support.DjangoFixture;
import id.otos.messaging.support.DjangoSigning;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The hostile-input harness for the log-in beside Django: generated Django session
 * cookies and {@code django_session} rows (overlong, odd characters, near-miss keys,
 * garbage data, signed data naming other, deleted, deactivated or unverified users, wrong
 * backends and hashes) sent to the pages, the JSON API, the event stream and the log-out
 * form. Each request gets no 5xx; it is logged in exactly when Django would take the
 * session (computed from the fixture's users as they are), and otherwise is sent to
 * Django's log-in page, or gets the API's 401 in the user's language, or the event
 * stream's 401; and it changes no row of any table. Same seed as the main harness.
 */
@SpringBootTest(
		properties = { "otos.demo.enabled=false", "logging.level.id.otos.messaging.accounts.DjangoSessions=ERROR" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
abstract class HostileDjangoSessionsChecks {

	private static final String BACKEND = "django.contrib.auth.backends.ModelBackend";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	/** How many generated sessions a run of the test suite sends. */
	abstract int requests();

	@DynamicPropertySource
	static void django(DynamicPropertyRegistry registry) {
		registry.add("otos.django.secret-key", () -> DjangoFixture.load().secretKey());
	}

	@BeforeAll
	static void theFixtureIsThere() {
		DjangoFixture.load();
	}

	@Test
	void hostileDjangoSessionsLogInOnlyWhenDjangoWouldAndChangeNothing() throws Exception {
		DjangoFixture fixture = DjangoFixture.load();
		fixture.reset(this.jdbc);
		String seedProperty = System.getProperty("otos.fuzz.seed", String.valueOf(HostileInputChecks.SEED));
		long seed = "random".equals(seedProperty) ? new SecureRandom().nextLong() : Long.parseLong(seedProperty);
		int requests = Integer.getInteger("otos.fuzz.requests-per-endpoint", requests());
		System.out.printf("hostile Django sessions: seed %d (repeat with -Dotos.fuzz.seed=%d), %d requests%n", seed,
				seed, requests);
		Hostile hostile = new Hostile(seed);
		long deleted = deletedUser(fixture);
		long[] ids = fixture.users().stream().mapToLong(DjangoFixture.User::id).toArray();
		DatabaseSnapshot snapshots = DatabaseSnapshot.of(this.dataSource);
		List<String> problems = new ArrayList<>();
		int loggedIn = 0;
		for (int i = 0; i < requests; i++) {
			Generated session = generate(hostile, fixture, ids, deleted);
			DatabaseSnapshot.State before = snapshots.take();
			String endpoint = hostile.oneOf("/messages/", "/api/messages/unread-count/", "/api/me/",
					"/messages/events/", "POST /messages/logout/");
			if (session.loggedInAs().isPresent() && endpoint.equals("/messages/events/")) {
				endpoint = "/api/me/";
			}
			MockHttpServletResponse response = send(endpoint, session.cookie());
			String problem = check(endpoint, session, response);
			String changed = before.differenceTo(snapshots.take());
			if (problem == null && !changed.isEmpty()) {
				problem = "changed " + changed;
			}
			if (problem != null) {
				problems.add(endpoint + " with " + session.describe() + ": " + problem);
			}
			loggedIn += session.loggedInAs().isPresent() ? 1 : 0;
			if (session.row()) {
				this.jdbc.sql("delete from django_session where session_key = :key")
					.param("key", session.cookie())
					.update();
			}
		}
		System.out.printf("hostile Django sessions: %d requests, %d of them logged in, %d problems%n", requests,
				loggedIn, problems.size());
		assertThat(problems).as("problems (seed %d)", seed).isEmpty();
		assertThat(loggedIn).as("some generated sessions are log-ins, so the oracle is tested both ways")
			.isPositive()
			.isLessThan(requests);
	}

	private Generated generate(Hostile hostile, DjangoFixture fixture, long[] ids, long deleted) {
		String secret = fixture.secretKey();
		String key = DjangoSigning.newSessionKey();
		switch (hostile.between(0, 5)) {
			case 0 -> {
				String cookie = hostile.oneOf(hostile.text(), hostile.overlong(), key.toUpperCase(), key + "x",
						key.substring(1), key + hostile.odd(1), " " + key, key.substring(0, 31) + "\u0000");
				String sent = asTomcatReadsIt(cookie);
				return new Generated(sent, false, Optional.empty(), "cookie " + shortened(sent));
			}
			case 1 -> {
				String data = hostile.oneOf(hostile.text(), hostile.overlong(),
						DjangoSigning.signPayload(hostile.text(), secret),
						DjangoSigning.signJson(hostile.text(), secret), "." + hostile.words() + ":1:x");
				return row(key, data, Optional.empty(), "data " + shortened(data));
			}
			default -> {
				String id = hostile.chance(0.1) ? String.valueOf(deleted) : hostile.id(ids);
				String backend = hostile.chance(0.8) ? BACKEND : hostile.choice(BACKEND, "otos.Backend");
				DjangoFixture.User claimed = fixture.users()
					.stream()
					.filter((user) -> String.valueOf(user.id()).equals(id))
					.findFirst()
					.orElse(null);
				long hashOf = (claimed != null && hostile.chance(0.7)) ? claimed.id()
						: hostile.oneOf(fixture.users()).id();
				String password = fixture.users()
					.stream()
					.filter((user) -> user.id() == hashOf)
					.map(DjangoFixture.User::password)
					.findFirst()
					.orElse("pbkdf2_sha256$1$x$y");
				String hash = hostile.chance(0.85) ? DjangoSigning.authHash(password, secret) : hostile.text();
				String json = "{\"_auth_user_id\":\"" + jsonEscaped(id) + "\",\"_auth_user_backend\":\""
						+ jsonEscaped(backend) + "\",\"_auth_user_hash\":\"" + jsonEscaped(hash) + "\"}";
				String signedWith = hostile.chance(0.9) ? secret : "another-secret-" + hostile.words();
				boolean valid = claimed != null && claimed.active() && claimed.verified() != null
						&& BACKEND.equals(backend) && hash.equals(DjangoSigning.authHash(claimed.password(), secret))
						&& signedWith.equals(secret);
				return row(key, DjangoSigning.signJson(json, signedWith),
						valid ? Optional.of(claimed.id()) : Optional.empty(),
						"session of user " + shortened(id) + ", backend " + shortened(backend) + ", hash of user "
								+ hashOf + (signedWith.equals(secret) ? "" : ", another secret"));
			}
		}
	}

	private Generated row(String key, String data, Optional<Long> loggedInAs, String describe) {
		DjangoFixture.insertSession(this.jdbc, key, data.replace("\u0000", ""),
				OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
		return new Generated(key, true, loggedInAs, describe);
	}

	private MockHttpServletResponse send(String endpoint, String cookie) throws Exception {
		Cookie django = new Cookie("sessionid", cookie);
		if (endpoint.startsWith("POST ")) {
			return this.mvc.perform(post(endpoint.substring(5)).cookie(django)).andReturn().getResponse();
		}
		return this.mvc.perform(get(endpoint).cookie(django)).andReturn().getResponse();
	}

	private static String check(String endpoint, Generated session, MockHttpServletResponse response) throws Exception {
		int status = response.getStatus();
		if (status >= 500) {
			return "status " + status;
		}
		if (status == 400 && response.getContentAsString().isEmpty() && session.loggedInAs().isEmpty()) {
			// the firewall's refusal of a header with (C1) control characters, which the
			// container answers with the 400 page in the user's language
			return null;
		}
		if (endpoint.startsWith("POST ")) {
			return (status == 403 && "/error/expired-form".equals(response.getForwardedUrl())) ? null
					: "log-out without the form's token answered " + status;
		}
		if (session.loggedInAs().isPresent()) {
			if (status != 200) {
				return "a log-in Django would take answered " + status;
			}
			return (!endpoint.equals("/api/me/")
					|| response.getContentAsString().contains("\"id\":" + session.loggedInAs().get())) ? null
							: "logged in as someone else: " + response.getContentAsString();
		}
		return switch (endpoint) {
			case "/messages/" -> "/login/?next=/messages/".equals(response.getRedirectedUrl()) ? null
					: "not sent to Django's log-in page: " + status + " " + response.getRedirectedUrl();
			case "/messages/events/" -> (status == 401) ? null : "event stream answered " + status;
			default -> (status == 401 && response.getContentAsString().contains("Silakan masuk terlebih dahulu."))
					? null : "API answered " + status + " " + response.getContentAsString();
		};
	}

	/** A user who logged in to Django and was deleted since. */
	private long deletedUser(DjangoFixture fixture) {
		DjangoFixture.User template = fixture.users().get(0);
		long id = this.jdbc
			.sql("""
					insert into otosapp_user (password, is_superuser, username, first_name, last_name, is_staff, is_active,
					date_joined, email, profile_picture, email_verified_at, updated_at)
					values (:password, false, 'dihapus@otos.example', 'Di', 'Hapus', false, true, :now, 'dihapus@otos.example',
					'', :now, :now)
					""")
			.param("password", template.password())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		long deleted = this.jdbc.sql("select id from otosapp_user where email = 'dihapus@otos.example'")
			.query(Long.class)
			.single();
		this.jdbc.sql("delete from otosapp_user where id = :id").param("id", deleted).update();
		return deleted;
	}

	/**
	 * A cookie value as the application gets it from Tomcat: sent as UTF-8, read as
	 * ISO-8859-1, without the control characters for which Tomcat itself refuses the
	 * request before it reaches the application ({@code MalformedHttpTests}).
	 */
	private static String asTomcatReadsIt(String value) {
		return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
			.replaceAll("[\\x00-\\x1F\\x7F]", "");
	}

	private static String jsonEscaped(String text) {
		StringBuilder escaped = new StringBuilder();
		text.codePoints().forEach((c) -> {
			if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
				if (c > 0xffff) {
					for (char unit : Character.toChars(c)) {
						escaped.append(String.format("\\u%04x", (int) unit));
					}
				}
				else {
					escaped.append(String.format("\\u%04x", c));
				}
			}
			else {
				escaped.append((char) c);
			}
		});
		return escaped.toString();
	}

	private static String shortened(String text) {
		String visible = text.replaceAll("\\p{Cntrl}", "?");
		return (visible.length() > 60) ? visible.substring(0, 60) + "... (" + text.length() + " chars)" : visible;
	}

	private record Generated(String cookie, boolean row, Optional<Long> loggedInAs, String describe) {

	}

}
