package id.otos.messaging.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A forgotten password, end to end with a real SMTP server (GreenMail, in this JVM on a
 * free port of 127.0.0.1): the request, the e-mail, the link's page and the new password,
 * and every way a link must not work. The outbox's schedule is off; the test delivers it.
 * Each test asks for people of its own, so that the throttle's counts of one test do not
 * reach another's.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "otos.notifications.enabled=false" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class PasswordResetChecks {

	private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private static final Pattern LINK = Pattern
		.compile("http://127\\.0\\.0\\.1:8080(/login/reset\\?token=([A-Za-z0-9_-]+))");

	private static final String NEW_PASSWORD = "kuda-laut-biru-7";

	private static GreenMail mailServer;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	PasswordResets resets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

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

	@AfterEach
	void backToTheDemoSchool() throws Exception {
		this.resets.awaitWorker();
		DemoSchool.reset(this.jdbc);
		mailServer.purgeEmailFromAllMailboxes();
	}

	@Test
	void aPersonWhoForgotTheirPasswordGetsALinkThatSetsANewPasswordOnce() throws Exception {
		String email = student();
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("href=\"/login/forgot\"")))
			.andExpect(content().string(containsString("Lupa kata sandi?")));

		this.mvc.perform(askFor(email, "10.1.0.1")).andExpect(redirectedUrl("/login/forgot?sent"));
		this.mvc.perform(get("/login/forgot?sent"))
			.andExpect(content().string(containsString("Jika alamat itu terdaftar pada akun yang aktif")));

		MimeMessage mail = theOnlyMail();
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(email);
		assertThat(mail.getSubject()).isEqualTo("otos: buat kata sandi baru");
		assertThat(GreenMailUtil.getBody(mail)).contains("berlaku 1 jam");
		String link = link(mail);
		String token = token(mail);
		assertThat(token).hasSize(43);
		assertThat(this.jdbc.sql("select token_hash from otos_password_token").query(String.class).single())
			.as("only the token's SHA-256 is kept")
			.isEqualTo(PasswordTokens.hash(token))
			.doesNotContain(token);

		this.mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reset-form")));
		this.mvc.perform(setPassword(token, NEW_PASSWORD)).andExpect(redirectedUrl("/login?reset"));
		this.mvc.perform(get("/login?reset"))
			.andExpect(content().string(containsString("Kata sandi Anda telah disimpan")));
		this.mvc.perform(formLogin("/login").user(email).password(NEW_PASSWORD)).andExpect(authenticated());

		this.mvc.perform(setPassword(token, "another-password-9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tautan ini tidak berlaku")));
		this.mvc.perform(get(link)).andExpect(content().string(not(containsString("reset-form"))));
		this.mvc.perform(formLogin("/login").user(email).password("another-password-9")).andExpect(unauthenticated());
		assertThat(tokens()).as("a used link is gone").isZero();
	}

	@Test
	void settingAPasswordThroughALinkEndsThePersonsSessions() throws Exception {
		String email = student();
		Cookie session = DemoLogIn.session(this.mvc, email);
		this.mvc.perform(get("/profile").cookie(session)).andExpect(status().isOk());

		this.mvc.perform(askFor(email, "10.1.1.1"));
		this.mvc.perform(setPassword(token(theOnlyMail()), NEW_PASSWORD)).andExpect(redirectedUrl("/login?reset"));

		this.mvc.perform(get("/profile").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
		String known = student();
		String unknown = "nobody-" + UUID.randomUUID() + "@otos.test";
		String inactive = student();
		this.jdbc.sql("update otosapp_user set is_active = false where email = :email")
			.param("email", inactive)
			.update();

		for (String email : new String[] { unknown, inactive }) {
			this.mvc.perform(askFor(email, "10.1.2.1")).andExpect(redirectedUrl("/login/forgot?sent"));
		}
		this.resets.awaitWorker();
		assertThat(tokens()).isZero();
		assertThat(outboxRows()).isZero();

		this.mvc.perform(askFor(known, "10.1.2.1")).andExpect(redirectedUrl("/login/forgot?sent"));
		assertThat(theOnlyMail().getAllRecipients()).extracting(Object::toString).containsExactly(known);
	}

	@Test
	void anExpiredLinkIsRefusedInThePersonsLanguage() throws Exception {
		String email = student();
		this.mvc.perform(askFor(email, "10.1.3.1"));
		String token = token(theOnlyMail());
		this.jdbc.sql("update otos_password_token set expires_at = :past")
			.param("past", Timestamp.from(this.clock.instant().minusSeconds(1)))
			.update();

		this.mvc.perform(get("/login/reset").param("token", token).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This link does not work")))
			.andExpect(content().string(not(containsString("reset-form"))));
		this.mvc.perform(setPassword(token, NEW_PASSWORD).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This link does not work")));
		this.mvc.perform(formLogin("/login").user(email).password(NEW_PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void madeUpAndMissingTokensAreRefused() throws Exception {
		String email = student();
		this.mvc.perform(askFor(email, "10.1.4.1"));
		String real = token(theOnlyMail());
		String[] madeUp = { "A".repeat(43), real.substring(1) + "A", real + "A", "", " ", "../../../etc/passwd",
				"ü".repeat(43),
				real.toLowerCase(Locale.ROOT).equals(real) ? "x".repeat(43) : real.toLowerCase(Locale.ROOT) };
		for (String token : madeUp) {
			this.mvc.perform(get("/login/reset").param("token", token))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Tautan ini tidak berlaku")));
			this.mvc.perform(setPassword(token, NEW_PASSWORD))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Tautan ini tidak berlaku")));
		}
		this.mvc.perform(get("/login/reset")).andExpect(content().string(containsString("Tautan ini tidak berlaku")));
		this.mvc
			.perform(post("/login/reset").with(csrf())
				.param("newPassword", NEW_PASSWORD)
				.param("confirmPassword", NEW_PASSWORD))
			.andExpect(content().string(containsString("Tautan ini tidak berlaku")));
		assertThat(tokens()).as("the real link still works").isOne();
	}

	@Test
	void aBadNewPasswordIsRefusedAndTheLinkStillWorks() throws Exception {
		String email = student();
		this.mvc.perform(askFor(email, "10.1.5.1"));
		String token = token(theOnlyMail());

		this.mvc.perform(setPassword(token, "pendek"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("newPassword-error")));
		this.mvc.perform(setPassword(token, NEW_PASSWORD).param("confirmPassword", "something-else"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("confirmPassword-error")));
		this.mvc.perform(setPassword(token, NEW_PASSWORD)).andExpect(redirectedUrl("/login?reset"));
	}

	@Test
	void aNewerLinkOrAPasswordChangedOtherwiseEndsTheEarlierLinks() throws Exception {
		String email = student();
		this.mvc.perform(askFor(email, "10.1.6.1"));
		String first = token(theOnlyMail());
		mailServer.purgeEmailFromAllMailboxes();
		this.mvc.perform(askFor(email, "10.1.6.1"));
		String second = token(theOnlyMail());

		this.mvc.perform(setPassword(first, NEW_PASSWORD))
			.andExpect(content().string(containsString("Tautan ini tidak berlaku")));

		long id = this.jdbc.sql("select id from otosapp_user where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
		this.accounts.changePassword(id, DemoLogIn.PASSWORD, "changed-on-the-profile", "10.1.6.2");
		this.mvc.perform(setPassword(second, NEW_PASSWORD))
			.andExpect(content().string(containsString("Tautan ini tidak berlaku")));
		this.mvc.perform(formLogin("/login").user(email).password("changed-on-the-profile")).andExpect(authenticated());
	}

	@Test
	void oneAddressGetsAtMostThreeLinksAnHourAndOneClientTenRequests() throws Exception {
		String email = student();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(askFor(email, "10.1.7." + i)).andExpect(redirectedUrl("/login/forgot?sent"));
		}
		this.resets.awaitWorker();
		deliver();
		assertThat(mailServer.waitForIncomingEmail(5000, 3)).isTrue();
		assertThat(mailServer.getReceivedMessages()).as("the same answer, but three e-mails").hasSize(3);

		for (int i = 0; i < 10; i++) {
			this.mvc.perform(askFor("nobody-" + i + "@otos.test", "10.1.8.1"))
				.andExpect(redirectedUrl("/login/forgot?sent"));
		}
		this.mvc.perform(askFor("nobody@otos.test", "10.1.8.1").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Too many requests from this device")));
		this.mvc.perform(askFor("nobody@otos.test", "10.1.8.2")).andExpect(redirectedUrl("/login/forgot?sent"));
	}

	@Test
	void aMalformedAddressIsAFieldErrorAndNothingIsCounted() throws Exception {
		this.mvc.perform(askFor("not an address", "10.1.9.1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("email-error")));
		this.mvc.perform(askFor("x".repeat(300) + "@otos.test", "10.1.9.1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("email-error")));
		this.resets.awaitWorker();
		assertThat(outboxRows()).isZero();
	}

	/** A new student of this test, with the demo password. */
	private String student() {
		String email = "lupa-" + UUID.randomUUID().toString().substring(0, 8) + "@otos.test";
		this.accounts
			.register(new NewAccount(email, null, "Lupa", "Sandi", null, RoleName.STUDENT, DemoLogIn.PASSWORD));
		return email;
	}

	private static MockHttpServletRequestBuilder askFor(String email, String client) {
		return post("/login/forgot").with(csrf()).with((request) -> {
			request.setRemoteAddr(client);
			return request;
		}).param("email", email);
	}

	private static MockHttpServletRequestBuilder setPassword(String token, String password) {
		return post("/login/reset").with(csrf())
			.param("token", token)
			.param("newPassword", password)
			.param("confirmPassword", password);
	}

	/**
	 * Waits for the worker, delivers the outbox, and returns the one e-mail that came.
	 */
	private MimeMessage theOnlyMail() throws Exception {
		this.resets.awaitWorker();
		deliver();
		assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage[] received = mailServer.getReceivedMessages();
		assertThat(received).hasSize(1);
		return received[0];
	}

	private void deliver() {
		Object sender = this.context.getBean("outboxSender");
		ReflectionTestUtils.invokeMethod(sender, "sendDue", this.clock.instant().plus(Duration.ofSeconds(1)));
	}

	private static String link(MimeMessage mail) {
		return matched(mail).group(1);
	}

	private static String token(MimeMessage mail) {
		return matched(mail).group(2);
	}

	private static Matcher matched(MimeMessage mail) {
		Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
		assertThat(link.find()).as("a link in " + GreenMailUtil.getBody(mail)).isTrue();
		return link;
	}

	private long tokens() {
		return this.jdbc.sql("select count(*) from otos_password_token").query(Long.class).single();
	}

	private long outboxRows() {
		return this.jdbc.sql("select count(*) from otos_mail_outbox").query(Long.class).single();
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
