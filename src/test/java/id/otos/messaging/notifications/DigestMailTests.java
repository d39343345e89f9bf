package id.otos.messaging.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadPages;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Digests delivered to a real SMTP server (GreenMail, in this JVM on a free port of
 * 127.0.0.1), including while it is down. The schedules are off; the test calls the
 * planner and the sender with times of its choosing instead of waiting ten minutes.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "otos.notifications.enabled=false",
		"otos.metrics.password=scrape-secret" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DigestMailTests {

	private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private static GreenMail mailServer;

	@Autowired
	MockMvc mvc;

	@Autowired
	Digests digests;

	@Autowired
	OutboxSender sender;

	@Autowired
	NotificationSettings settings;

	@Autowired
	ThreadDesk desk;

	@Autowired
	ThreadPages pages;

	@Autowired
	Accounts accounts;

	@Autowired
	Viewers viewers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Conversations talk;

	Viewer siswa1;

	Viewer operator;

	@DynamicPropertySource
	static void mailServerPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP::getPort);
	}

	@BeforeAll
	static void startTheMailServer() {
		mailServer = new GreenMail(SMTP);
		mailServer.start();
	}

	@AfterAll
	static void stopTheMailServer() {
		mailServer.stop();
	}

	@BeforeEach
	void school() {
		this.talk = new Conversations(this.desk, this.pages, this.accounts, this.viewers);
		this.siswa1 = this.talk.person("siswa1@otos.test");
		this.operator = this.talk.person("operator@otos.test");
	}

	@AfterEach
	void backToTheDemoSchool() throws Exception {
		DemoSchool.reset(this.jdbc);
		if (!mailServer.isRunning()) {
			mailServer = new GreenMail(SMTP);
			mailServer.start();
		}
		mailServer.purgeEmailFromAllMailboxes();
	}

	@Test
	void severalMessagesArriveAsOneDigest() throws Exception {
		long login = this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk");
		long video = this.talk.technicalQuestion(this.siswa1, "Video tidak jalan");
		this.talk.reply(this.operator, login, "Coba atur ulang kata sandi.");
		this.talk.reply(this.operator, login, "Sudah bisa?");
		this.talk.reply(this.operator, video, "Sedang kami periksa.");

		Instant later = minutesLater(11);
		assertThat(this.digests.plan(later)).isEqualTo(1);
		assertThat(this.sender.sendDue(later)).isEqualTo(1);

		assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage[] received = mailServer.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage digest = received[0];
		assertThat(digest.getAllRecipients()).extracting(Object::toString).containsExactly("siswa1@otos.test");
		assertThat(digest.getSubject()).isEqualTo("otos: 3 pesan belum dibaca di 2 percakapan");
		assertThat(GreenMailUtil.getBody(digest)).contains("Tidak bisa masuk (2 belum dibaca)",
				"http://127.0.0.1:8080/messages/thread/" + login + "/",
				"http://127.0.0.1:8080/messages/thread/" + video + "/");
		assertThat(digest.getMessageID()).isEqualTo(outboxColumn("message_id")).startsWith("<digest-");
		assertThat(outboxColumn("status")).isEqualTo("sent");
	}

	@Test
	void nothingArrivesOnceThePersonHasReadTheirMessages() {
		long thread = this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk");
		this.talk.reply(this.operator, thread, "Coba lagi.");
		this.talk.reply(this.operator, thread, "Sudah bisa?");
		this.talk.read(this.siswa1, thread);

		planAndSend(minutesLater(11));

		assertThat(mailServer.getReceivedMessages()).isEmpty();
	}

	@Test
	void nothingArrivesForAPersonWhoTurnedDigestsOff() {
		this.settings.choose(this.siswa1.userId(), new DigestChoice(false, Locale.forLanguageTag("id")));
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk"), "Coba lagi.");

		planAndSend(minutesLater(11));

		assertThat(mailServer.getReceivedMessages()).isEmpty();
	}

	@Test
	void aDigestWaitsWhileTheMailServerIsDownAndArrivesOnceWhenItIsBack() throws Exception {
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk"), "Coba lagi.");
		Instant later = minutesLater(11);
		mailServer.stop();

		planAndSend(later);
		assertThat(this.sender.sendDue(later.plus(Duration.ofSeconds(10)))).as("not yet due again").isZero();

		assertThat(outboxColumn("status")).isEqualTo("pending");
		assertThat(outboxColumn("attempts")).isEqualTo("1");
		assertThat(outboxColumn("last_error")).isNotBlank();

		mailServer = new GreenMail(SMTP);
		mailServer.start();
		assertThat(this.sender.sendDue(later.plus(Duration.ofMinutes(2)))).isEqualTo(1);
		assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
		assertThat(this.sender.sendDue(later.plus(Duration.ofMinutes(30)))).isZero();
		this.digests.plan(later.plus(Duration.ofMinutes(30)));
		this.sender.sendDue(later.plus(Duration.ofMinutes(30)));

		assertThat(mailServer.getReceivedMessages()).hasSize(1);
		assertThat(mailServer.getReceivedMessages()[0].getSubject())
			.isEqualTo("otos: 1 pesan belum dibaca di 1 percakapan");
		assertThat(outboxColumn("status")).isEqualTo("sent");
		assertThat(outboxColumn("attempts")).isEqualTo("2");
	}

	@Test
	void adminsSeeTheMailServerInTheHealthDetails() throws Exception {
		MvcResult login = this.mvc.perform(formLogin("/login").user("admin@otos.test").password(DemoLogIn.PASSWORD))
			.andReturn();

		this.mvc.perform(get("/actuator/health").cookie(login.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.mail.status").value("UP"));
	}

	@Test
	void aMailServerThatIsDownLeavesTheNodeReady() throws Exception {
		mailServer.stop();

		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.status").value("DOWN"));
	}

	@Test
	void theScrapeAccountReadsTheMetricsWithItsPasswordOnly() throws Exception {
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "scrape-secret")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("otos_mail_sent_total")));
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "wrong")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/messages/").with(httpBasic("prometheus", "scrape-secret")))
			.andExpect(status().isFound());
	}

	private void planAndSend(Instant at) {
		this.digests.plan(at);
		this.sender.sendDue(at);
	}

	private Instant minutesLater(long minutes) {
		// whole milliseconds: the databases keep microseconds and H2 rounds, not
		// truncates
		return this.clock.instant().plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MILLIS);
	}

	private String outboxColumn(String column) {
		return this.jdbc
			.sql("select cast(" + column + " as varchar(500)) from otos_mail_outbox where recipient_id = :id")
			.param("id", this.siswa1.userId())
			.query(String.class)
			.single();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
