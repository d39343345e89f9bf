package id.otos.messaging.notifications;

import java.time.Duration;

import id.otos.messaging.support.DemoLogIn;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live-update stream lasts no longer than its session would without activity: with
 * sessions that expire after {@value #TIMEOUT_SECONDS} s idle, a stream opened right
 * after logging in ends then, and the browser's next attempt is refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.session.timeout=" + LiveSessionExpiryTests.TIMEOUT_SECONDS + "s",
				"spring.session.timeout=" + LiveSessionExpiryTests.TIMEOUT_SECONDS + "s" })
@ActiveProfiles("test")
class LiveSessionExpiryTests {

	static final int TIMEOUT_SECONDS = 4;

	@LocalServerPort
	int port;

	@Test
	void aStreamEndsWhenItsSessionExpires() throws Exception {
		String base = "http://127.0.0.1:" + this.port;
		HttpVisitor student = new HttpVisitor().logIn(base, "siswa1@otos.test", DemoLogIn.PASSWORD);
		long loggedIn = System.nanoTime();

		try (EventStream stream = student.events(base)) {
			assertThat(stream.next("hello", Duration.ofSeconds(5))).isNotNull();

			assertThat(stream.ends(Duration.ofSeconds(TIMEOUT_SECONDS + 4))).as("the stream ended with its session")
				.isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - loggedIn)).as("not before the session expired")
				.isGreaterThanOrEqualTo(Duration.ofSeconds(TIMEOUT_SECONDS - 1));
		}
		assertThat(student.get(base + "/api/me/").statusCode()).as("the session has expired").isEqualTo(401);
	}

}
