package id.otos.messaging.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.web.SocketBrowser.Answer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No answer takes the {@code Host} a request names, or the forwarded headers of a sender
 * that is not the configured proxy: redirects are relative whatever the HTTP version, and
 * {@code X-Forwarded-For} from anyone else cannot give a guesser a new address for every
 * log-in. The server runs as the README tells to run it behind a proxy
 * ({@code server.forward-headers-strategy=native}), over real sockets from this machine.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForeignHostTests {

	@LocalServerPort
	int port;

	@Order(1)
	@ParameterizedTest
	@ValueSource(strings = { "HTTP/1.1", "HTTP/1.0" })
	void noAnswerNamesAHostTheRequestMadeUp(String protocol) {
		assertThat(answersNamingTheMadeUpHost(this.port, protocol, "siswa1@otos.test")).isEmpty();
	}

	/**
	 * Last, as its twenty failures lock this machine's address for the rest of the class.
	 */
	@Order(2)
	@Test
	void aForgedForwardedForFromAnyoneButTheProxyGivesNoNewAddress() {
		for (int i = 1; i <= 20; i++) {
			Answer refused = new SocketBrowser(this.port).header("X-Forwarded-For", "203.0.113." + i)
				.logIn("tebak" + i + "@otos.test", "salah");
			assertThat(refused.location()).startsWith("/login?");
		}

		Answer locked = new SocketBrowser(this.port).header("X-Forwarded-For", "198.51.100.7")
			.logIn("siswa2@otos.test", DemoLogIn.PASSWORD);
		assertThat(locked.location()).as("the twenty-first attempt from this address").startsWith("/login?locked=");
	}

	/** Behind the proxy the operator configured (here: this machine). */
	@Nested
	@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127.0.0.1/32")
	class BehindTheConfiguredProxy {

		@LocalServerPort
		int port;

		@ParameterizedTest
		@ValueSource(strings = { "HTTP/1.1", "HTTP/1.0" })
		void noAnswerNamesTheHostTheProxyForwards(String protocol) {
			assertThat(answersNamingTheMadeUpHost(this.port, protocol, "siswa3@otos.test")).isEmpty();
		}

		@Test
		void theThrottleCountsEachClientsOwnAddress() {
			for (int i = 1; i <= 20; i++) {
				new SocketBrowser(this.port).header("X-Forwarded-For", "203.0.113.7")
					.logIn("tebak" + i + "@otos.test", "salah");
			}

			assertThat(new SocketBrowser(this.port).header("X-Forwarded-For", "203.0.113.7")
				.logIn("guru2@otos.test", DemoLogIn.PASSWORD)
				.location()).startsWith("/login?locked=");
			assertThat(new SocketBrowser(this.port).header("X-Forwarded-For", "203.0.113.8")
				.logIn("guru2@otos.test", DemoLogIn.PASSWORD)
				.location()).isEqualTo("/");
		}

	}

	/**
	 * A visit with a made-up {@code Host} and forwarded host, scheme and port: the pages
	 * before and after log-in, a failed and a successful log-in, a form that redirects,
	 * an error page, log-out. The answers (status line, headers and page) that name the
	 * made-up host.
	 */
	static List<String> answersNamingTheMadeUpHost(int port, String protocol, String email) {
		SocketBrowser browser = new SocketBrowser(port).protocol(protocol)
			.header("Host", "evil.example")
			.header("X-Forwarded-Host", "evil-forwarded.example")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Port", "8443");
		List<Answer> answers = new ArrayList<>();
		answers.add(browser.get("/"));
		answers.add(browser.get("/messages/?status=open"));
		answers.add(browser.get("/login"));
		answers.add(browser.logIn(email, "salah-sandi"));
		Answer loggedIn = browser.logIn(email, DemoLogIn.PASSWORD);
		assertThat(loggedIn.location()).as(loggedIn.toString()).doesNotContain("error");
		answers.add(loggedIn);
		answers.add(browser.get("/messages/"));
		answers.add(browser.get("/messages"));
		answers.add(browser.submit("/profile", "/profile/details",
				Map.of("firstName", "Siswa", "lastName", "", "phoneNumber", "")));
		answers.add(browser.get("/tidak/ada"));
		answers.add(browser.get("/admin/users"));
		answers.add(browser.get("/login?lang=en"));
		answers.add(browser.submit("/profile", "/logout", Map.of()));
		List<String> naming = new ArrayList<>();
		for (Answer answer : answers) {
			if (answer.status() < 0 || answer.toString().toLowerCase(Locale.ROOT).contains("evil")
					|| answer.body().toLowerCase(Locale.ROOT).contains("evil")) {
				naming.add(protocol + ": " + answer);
			}
		}
		return naming;
	}

}
