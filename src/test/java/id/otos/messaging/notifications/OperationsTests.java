package id.otos.messaging.notifications;

import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewers;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operations endpoints on the embedded default (H2, no mail server): health is UP and
 * public, with details for admins; the Prometheus metrics are the admins' and carry the
 * app's own meters.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OperationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ThreadDesk desk;

	@Autowired
	Viewers viewers;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void healthIsUpWithoutAMailServerAndShowsOnlyItsStatusToEveryone() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void adminsSeeTheDatabaseInTheHealthDetails() throws Exception {
		this.mvc.perform(get("/actuator/health").cookie(logIn("admin@otos.test")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.mail").doesNotExist());
	}

	@Test
	void metricsAreRefusedToAnonymousPeopleAndToStudents() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").cookie(logIn("siswa1@otos.test")))
			.andExpect(status().isForbidden());
	}

	@Test
	void adminsReadTheAppsMetricsInPrometheusFormat() throws Exception {
		Cookie admin = logIn("admin@otos.test");
		this.mvc.perform(get("/messages/").cookie(admin)).andExpect(status().isOk());

		this.mvc.perform(get("/actuator/prometheus").cookie(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("otos_messages_posted_total")))
			.andExpect(content().string(containsString("otos_mail_sent_total")))
			.andExpect(content().string(containsString("otos_mail_failed_total")))
			.andExpect(content().string(containsString("otos_live_connections")))
			.andExpect(content().string(containsString("otos_live_dropped_total")))
			.andExpect(content().string(containsString("reason=\"stalled\"")))
			.andExpect(content().string(containsString("reason=\"refused\"")))
			.andExpect(content().string(containsString("otos_unread_count_seconds_count")));
	}

	@Test
	void aPostedMessageIsCountedOnceItsTransactionCommitted() {
		double before = this.meters.counter("otos.messages.posted").count();
		long siswa1 = this.jdbc.sql("select id from otosapp_user where email = 'siswa1@otos.test'")
			.query(Long.class)
			.single();

		this.desk.open(this.viewers.of(siswa1, id.otos.messaging.accounts.RoleName.STUDENT), new NewThread(
				"Tidak bisa masuk", ThreadType.TECHNICAL, null, null, Priority.NORMAL, "Tolong bantu.", null), null);

		assertThat(this.meters.counter("otos.messages.posted").count()).isEqualTo(before + 1);
	}

	private Cookie logIn(String email) throws Exception {
		return DemoLogIn.session(this.mvc, email);
	}

}
