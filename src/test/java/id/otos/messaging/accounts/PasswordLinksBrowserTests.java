package id.otos.messaging.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person clicks when they forgot their password (the log-in page's link, the form,
 * the e-mailed link, the new password, the log-in with it), and what an admin clicks to
 * import students (the file, the preview, the confirmation), with the e-mails delivered
 * to a real SMTP server (GreenMail). Both at a phone's width.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "otos.notifications.enabled=false" })
@ActiveProfiles("test")
class PasswordLinksBrowserTests {

	private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private static final Pattern LINK = Pattern
		.compile("http://127\\.0\\.0\\.1:8080(/login/reset\\?token=[A-Za-z0-9_-]+)");

	private static GreenMail mailServer;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordResets resets;

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
	void aStudentWhoForgotTheirPasswordSetsANewOneThroughTheEmailedLink() throws Exception {
		String before = password("siswa2@otos.test");
		try (Browser siswa = Browser.open(base())) {
			siswa.driver().manage().window().setSize(new Dimension(360, 800));
			siswa.recordPolicyViolations();
			siswa.go("/login").click("forgot-password");
			siswa.type("email", "siswa2@otos.test").click("forgot-submit");
			assertThat(siswa.waitFor(By.id("link-sent")).getText()).contains("Jika alamat itu terdaftar");
			screenshot(siswa, "password-reset-asked-phone.png");

			siswa.go(linkIn(theOnlyMail()));
			siswa.type("newPassword", "kuda-laut-biru-7").type("confirmPassword", "kuda-laut-biru-7");
			screenshot(siswa, "password-reset-new-password-phone.png");
			siswa.click("reset-submit");
			assertThat(siswa.waitFor(By.id("password-reset-done")).getText())
				.contains("Kata sandi Anda telah disimpan");

			siswa.logIn("siswa2@otos.test", "kuda-laut-biru-7");
			assertThat(siswa.isShown(By.id("logout"))).isTrue();
			assertThat(siswa.policyViolations()).isEmpty();
		}
		finally {
			this.jdbc.sql("update otosapp_user set password = :before where email = 'siswa2@otos.test'")
				.param("before", before)
				.update();
		}
	}

	@Test
	void anAdminImportsStudentsFromAFileAfterAPreview(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("siswa.csv");
		Files.writeString(file, "username;email;first_name;last_name\nrina;rina@sekolah.test;Rina;Wati\n"
				+ "tono;tono@sekolah.test;Tono;\n", StandardCharsets.UTF_8);
		try (Browser admin = Browser.open(base())) {
			admin.driver().manage().window().setSize(new Dimension(360, 800));
			admin.recordPolicyViolations();
			admin.logIn("admin@otos.test", DemoLogIn.PASSWORD).go("/admin/users").click("import-students");
			admin.attach("file", file).click("import-preview");
			assertThat(admin.waitFor(By.id("import-ready")).getText()).contains("Semua 2 baris baik");
			screenshot(admin, "student-import-preview-phone.png");
			admin.click("import-submit");
			assertThat(admin.waitFor(By.id("flash-success")).getText()).contains("2 siswa diimpor");
			assertThat(admin.policyViolations()).isEmpty();
		}
		deliver();
		assertThat(mailServer.waitForIncomingEmail(5000, 2)).isTrue();
		assertThat(Arrays.stream(mailServer.getReceivedMessages()).map(PasswordLinksBrowserTests::recipient))
			.containsExactlyInAnyOrder("rina@sekolah.test", "tono@sekolah.test");
	}

	private String password(String email) {
		return this.jdbc.sql("select password from otosapp_user where email = :email")
			.param("email", email)
			.query(String.class)
			.single();
	}

	private MimeMessage theOnlyMail() throws Exception {
		this.resets.awaitWorker();
		deliver();
		assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
		return mailServer.getReceivedMessages()[0];
	}

	private void deliver() {
		ReflectionTestUtils.invokeMethod(this.context.getBean("outboxSender"), "sendDue",
				this.clock.instant().plus(Duration.ofSeconds(1)));
	}

	private static String linkIn(MimeMessage mail) {
		Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private static String recipient(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void screenshot(Browser browser, String name) throws IOException {
		Path directory = Browser.screenshots();
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
	}

	private String base() {
		return "http://localhost:" + this.port;
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
