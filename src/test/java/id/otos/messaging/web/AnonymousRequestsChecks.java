package id.otos.messaging.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.web.SocketBrowser.Answer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions only for people who log in: a flood of anonymous requests of every kind, over
 * real HTTP to the real server (error pages included, which only the servlet container
 * renders), writes no row to the session table, while the log-in form keeps its CSRF
 * protection and a log-in writes exactly one. Run on H2 and on PostgreSQL by the
 * subclasses. The address limit of the log-in throttle is lifted here, so that the
 * flood's failed log-ins (all from this machine) leave the other tests able to log in;
 * the account limit still locks the e-mail the flood guesses at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "otos.login.failures-per-address=1000000")
@ActiveProfiles("test")
abstract class AnonymousRequestsChecks {

	private static final int ROUNDS = 12;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFloodOfAnonymousRequestsOfEveryKindWritesNoSessionRow() {
		Map<String, Function<SocketBrowser, Answer>> visits = anonymousVisits();
		long before = sessionRows();
		List<String> problems = new ArrayList<>();
		int requests = 0;
		for (int round = 0; round < ROUNDS; round++) {
			for (Map.Entry<String, Function<SocketBrowser, Answer>> visit : visits.entrySet()) {
				SocketBrowser browser = new SocketBrowser(this.port);
				Answer answer = visit.getValue().apply(browser);
				requests++;
				if (answer.status() < 200 || answer.status() >= 500) {
					problems.add(visit.getKey() + " answered " + answer.status());
				}
				if (answer.headers("Set-Cookie").stream().anyMatch((cookie) -> cookie.matches("SESSION=[^;]+;.*"))) {
					problems.add(visit.getKey() + " was given a session: " + answer.head());
				}
			}
		}
		System.out.printf("anonymous requests: %d visits of %d kinds, session rows %d before, %d after%n", requests,
				visits.size(), before, sessionRows());
		assertThat(problems).isEmpty();
		assertThat(sessionRows()).as("session rows after %d anonymous visits", requests).isEqualTo(before);

		SocketBrowser student = new SocketBrowser(this.port);
		assertThat(student.logIn("siswa2@otos.test", DemoLogIn.PASSWORD).location()).isEqualTo("/");
		assertThat(sessionRows()).as("a log-in is stored").isEqualTo(before + 1);
	}

	@Test
	void theLogInFormIsProtectedWithoutASession() {
		SocketBrowser visitor = new SocketBrowser(this.port);
		String token = SocketBrowser.csrf(visitor.get("/login").body());

		Answer withoutToken = visitor.post("/login",
				Map.of("username", "siswa3@otos.test", "password", DemoLogIn.PASSWORD));
		Answer otherBrowsersToken = new SocketBrowser(this.port).post("/login",
				Map.of("username", "siswa3@otos.test", "password", DemoLogIn.PASSWORD, "_csrf", token));
		SocketBrowser forger = new SocketBrowser(this.port);
		forger.get("/login");
		Answer forgedToken = forger.post("/login",
				Map.of("username", "siswa3@otos.test", "password", DemoLogIn.PASSWORD, "_csrf", token + "x"));

		for (Answer refused : List.of(withoutToken, otherBrowsersToken, forgedToken)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.body()).contains("<h1>Formulir sudah kedaluwarsa</h1>");
		}
		Answer loggedIn = visitor.post("/login",
				Map.of("username", "siswa3@otos.test", "password", DemoLogIn.PASSWORD, "_csrf", token));
		assertThat(loggedIn.location()).isEqualTo("/");
		assertThat(visitor.get("/messages/").status()).isEqualTo(200);
	}

	@Test
	void theTokenOfTheLogInFormIsNotTheTokenAfterLogIn() {
		SocketBrowser visitor = new SocketBrowser(this.port);
		String before = SocketBrowser.csrf(visitor.get("/login").body());
		visitor.post("/login", Map.of("username", "guru2@otos.test", "password", DemoLogIn.PASSWORD, "_csrf", before));

		String after = SocketBrowser.csrf(visitor.get("/profile").body());
		Answer withTheOldToken = visitor.post("/profile/details",
				Map.of("firstName", "Lama", "lastName", "", "phoneNumber", "", "_csrf", before));
		assertThat(withTheOldToken.status()).as("the log-in form's token after log-in").isEqualTo(403);
		assertThat(visitor
			.post("/profile/details", Map.of("firstName", "Guru", "lastName", "Dua", "phoneNumber", "", "_csrf", after))
			.location()).isEqualTo("/profile");
		assertThat(after).isNotEqualTo(before);
	}

	/**
	 * Every kind of request someone who is not logged in sends: each a new browser, as a
	 * flood would be.
	 */
	private static Map<String, Function<SocketBrowser, Answer>> anonymousVisits() {
		Map<String, Function<SocketBrowser, Answer>> visits = new LinkedHashMap<>();
		visits.put("GET /login", (b) -> b.get("/login"));
		visits.put("GET /login?lang=en", (b) -> b.get("/login?lang=en"));
		visits.put("GET /login?lang=fr", (b) -> b.get("/login?lang=fr"));
		visits.put("GET /login?error", (b) -> b.get("/login?error"));
		visits.put("GET /login?locked=3", (b) -> b.get("/login?locked=3"));
		visits.put("GET /login?logout", (b) -> b.get("/login?logout"));
		visits.put("POST /login, wrong password", (b) -> b.logIn("siswa1@otos.test", "salah-sandi"));
		visits.put("POST /login, unknown e-mail", (b) -> b.logIn("tidak-ada@otos.test", "salah-sandi"));
		visits.put("POST /login, e-mail in two alphabets", (b) -> b.logIn("sisw\u04301@otos.test", "salah-sandi"));
		visits.put("POST /login without a token",
				(b) -> b.post("/login", Map.of("username", "siswa1@otos.test", "password", "x")));
		visits.put("POST /login with a forged token",
				(b) -> b.post("/login", Map.of("username", "siswa1@otos.test", "password", "x", "_csrf", "palsu")));
		visits.put("GET / (asks for a log-in)", (b) -> b.get("/"));
		visits.put("GET /messages/?status=open", (b) -> b.get("/messages/?status=open"));
		visits.put("GET /messages/thread/1/", (b) -> b.get("/messages/thread/1/"));
		visits.put("GET /admin/users", (b) -> b.get("/admin/users"));
		visits.put("GET /profile", (b) -> b.get("/profile"));
		visits.put("GET a protected page, then the log-in page", (b) -> {
			b.get("/messages/?page=2");
			return b.get("/login");
		});
		visits.put("GET /login with a garbled saved page",
				(b) -> b.cookie("REDIRECT_URI", "%%%not-base64").get("/login"));
		visits.put("POST /login with a saved page that is no path",
				(b) -> b.cookie("REDIRECT_URI", "LyV6eg==").logIn("tidak-ada@otos.test", "salah-sandi"));
		visits.put("GET /login with a saved page elsewhere",
				(b) -> b.cookie("REDIRECT_URI", Base64.getEncoder().encodeToString("http://evil.example/x".getBytes()))
					.get("/login"));
		visits.put("GET /login with an unknown session",
				(b) -> b.cookie("SESSION", "bm90LWEtc2Vzc2lvbg").get("/login"));
		visits.put("GET /login with a language cookie of no language",
				(b) -> b.cookie("otos_lang", "xx/Nowhere").get("/login"));
		visits.put("POST /messages/create/ without a token", (b) -> b.post("/messages/create/", Map.of("title", "x")));
		visits.put("POST /logout with the form's token", (b) -> b.submit("/login", "/logout", Map.of()));
		visits.put("POST /logout without a token", (b) -> b.post("/logout", Map.of()));
		visits.put("GET /error/expired-form", (b) -> b.get("/error/expired-form"));
		visits.put("GET a page that does not exist", (b) -> b.get("/tidak/ada"));
		visits.put("DELETE /login", (b) -> b.send("DELETE", "/login", null));
		visits.put("GET /css/app.css", (b) -> b.get("/css/app.css"));
		visits.put("GET /js/live.js", (b) -> b.get("/js/live.js"));
		visits.put("GET /favicon.ico", (b) -> b.get("/favicon.ico"));
		visits.put("GET /actuator/health", (b) -> b.get("/actuator/health"));
		visits.put("GET /actuator/health/liveness", (b) -> b.get("/actuator/health/liveness"));
		visits.put("GET /actuator/prometheus", (b) -> b.get("/actuator/prometheus"));
		visits.put("GET /api/messages/unread-count/", (b) -> b.get("/api/messages/unread-count/"));
		visits.put("GET /api/me/ (any type)", (b) -> b.header("Accept", "*/*").get("/api/me/"));
		visits.put("GET /messages/events/", (b) -> b.header("Accept", "text/event-stream").get("/messages/events/"));
		return visits;
	}

	private long sessionRows() {
		return this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

}
