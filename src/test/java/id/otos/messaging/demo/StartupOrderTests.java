package id.otos.messaging.demo;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is served before the start-up work is done: when the web server takes its first
 * request, the schema is migrated and the demo accounts exist (a quick log-in used to be
 * told "wrong e-mail or password" for the first seconds, and counted by the throttle),
 * and the readiness probe says "not ready" until the application has started.
 */
class StartupOrderTests {

	@Test
	void theDemoAccountsExistBeforeTheWebServerTakesARequest() {
		AtomicLong accountsWhenServing = new AtomicLong(-1);
		AtomicReference<ReadinessState> readinessWhenServing = new AtomicReference<>();
		ApplicationListener<WebServerInitializedEvent> serving = (event) -> {
			accountsWhenServing.set(event.getApplicationContext()
				.getBean(JdbcClient.class)
				.sql("select count(*) from otosapp_user")
				.query(Long.class)
				.single());
			readinessWhenServing
				.set(event.getApplicationContext().getBean(ApplicationAvailability.class).getReadinessState());
		};

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MessagingApplication.class)
			.listeners(serving)
			.run("--server.port=0", "--spring.main.banner-mode=off", "--otos.demo.enabled=true",
					"--otos.demo.password=" + DemoLogIn.PASSWORD,
					"--spring.datasource.url=" + TestDatabases.newH2Url("startup"))) {
			assertThat(accountsWhenServing.get()).as("demo accounts when the web server started").isEqualTo(7);
			assertThat(readinessWhenServing.get()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			assertThat(app.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

}
