package id.otos.messaging.notifications;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import id.otos.messaging.support.DjangoFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beside Django a live-update stream is logged in by Django's session, and ends when that
 * session ends in Django (which tells this application nothing): a log-out in Django (the
 * row deleted) or a new password set in Django ends the stream at the next check, told
 * {@code bye}; a stream whose session goes on is left open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "otos.demo.enabled=false", "otos.live.django-session-check=1s" })
@ActiveProfiles("test")
class LiveBesideDjangoTests {

	private static final Duration CHECK = Duration.ofSeconds(6);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private DjangoFixture fixture;

	@DynamicPropertySource
	static void django(DynamicPropertyRegistry registry) {
		registry.add("otos.django.secret-key", () -> DjangoFixture.load().secretKey());
	}

	@BeforeEach
	void djangosDatabase() {
		this.fixture = DjangoFixture.load();
		this.fixture.reset(this.jdbc);
	}

	@Test
	void aStreamEndsWhenItsDjangoSessionIsLoggedOutInDjangoAndAnotherGoesOn() throws Exception {
		String ended = this.fixture.loggedInSession().sessionKey();
		String goesOn = this.fixture.verdicts()
			.stream()
			.filter((verdict) -> verdict.loggedIn() && !verdict.sessionKey().equals(ended))
			.findFirst()
			.orElseThrow()
			.sessionKey();
		try (EventStream endedStream = open(ended); EventStream otherStream = open(goesOn)) {
			assertThat(endedStream.next("hello", Duration.ofSeconds(5))).isNotNull();
			assertThat(otherStream.next("hello", Duration.ofSeconds(5))).isNotNull();

			this.jdbc.sql("delete from django_session where session_key = :key").param("key", ended).update();

			assertThat(endedStream.next("bye", CHECK)).as("the logged-out session's stream is told bye").isNotNull();
			assertThat(otherStream.next("bye", Duration.ofSeconds(2))).as("the other session's stream goes on")
				.isNull();
		}
	}

	@Test
	void aStreamEndsWhenTheAccountsPasswordIsChangedInDjango() throws Exception {
		DjangoFixture.Verdict session = this.fixture.loggedInSession();
		try (EventStream stream = open(session.sessionKey())) {
			assertThat(stream.next("hello", Duration.ofSeconds(5))).isNotNull();

			this.jdbc.sql("update otosapp_user set password = 'pbkdf2_sha256$870000$new$hash' where id = :id")
				.param("id", session.userId())
				.update();

			assertThat(stream.next("bye", CHECK)).as("the stream of a session whose password changed is told bye")
				.isNotNull();
		}
	}

	private EventStream open(String sessionKey) {
		return EventStream.open(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/messages/events/"))
					.header("Accept", "text/event-stream")
					.header("Cookie", "sessionid=" + sessionKey)
					.GET()
					.build());
	}

}
