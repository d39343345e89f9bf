package id.otos.messaging.threads.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people click: a student asks a subject question with a picture, the teacher
 * answers, the thread is closed and reopened; an operator broadcasts to two students.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MessagingBrowserTests {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	/** A 1x1 PNG. */
	static final byte[] PICTURE = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path files;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aQuestionIsAnsweredClosedAndReopened() throws IOException {
		Path picture = Files.write(this.files.resolve("soal-nomor-3.png"), PICTURE);
		try (Browser siswa = Browser.open(base()); Browser guru = Browser.open(base())) {
			siswa.logIn("siswa1@otos.test", PASSWORD).click("new-thread");
			siswa.type("title", "Integral parsial nomor 3")
				.selectValue("thread_type", "academic")
				.select("category", "Matematika")
				.type("content", "Bu, saya bingung langkah kedua.\nLihat gambar.")
				.attach("attachment", picture)
				.click("submit-thread");
			assertThat(siswa.text("thread-title")).isEqualTo("Integral parsial nomor 3");
			assertThat(siswa.text("thread-handler")).isEqualTo("Budi Santoso");
			String threadPath = siswa.path();

			guru.logIn("guru1@otos.test", PASSWORD);
			WebElement row = guru.waitFor(By.cssSelector("#inbox .thread-row"));
			assertThat(row.getText()).contains("Integral parsial nomor 3");
			assertThat(row.findElement(By.className("unread-badge")).getText()).isEqualTo("1");
			assertThat(guru.text("nav-unread")).isEqualTo("1");
			row.findElement(By.className("thread-link")).click();
			assertThat(guru.waitFor(By.className("message-content")).getText())
				.isEqualTo("Bu, saya bingung langkah kedua.\nLihat gambar.");
			assertThat(guru.waitFor(By.className("attachment-link")).getText()).contains("soal-nomor-3.png");
			assertThat(guru.text("nav-unread")).isEqualTo("0");
			guru.type("content", "Gunakan u = x dan dv = e^x dx.").click("reply-submit");
			assertThat(guru.text("flash-success")).isNotBlank();

			// the student's open thread page shows the reply without a reload, which
			// reads it
			new WebDriverWait(siswa.driver(), Duration.ofSeconds(5)).until((driver) -> messages(siswa).size() == 2);
			siswa.go("/messages/");
			assertThat(siswa.text("nav-unread")).isEqualTo("0");
			siswa.go(threadPath);
			assertThat(messages(siswa)).containsExactly("Bu, saya bingung langkah kedua.\nLihat gambar.",
					"Gunakan u = x dan dv = e^x dx.");
			assertThat(siswa.text("nav-unread")).isEqualTo("0");

			guru.go(threadPath).click("action-request-close");
			assertThat(status(guru)).isEqualTo("pending");

			try (Browser admin = Browser.open(base())) {
				admin.logIn("admin@otos.test", PASSWORD);
				assertThat(admin.waitFor(By.cssSelector("#inbox")).getText()).contains("Integral parsial nomor 3");
				admin.go(threadPath).click("action-close");
				assertThat(status(admin)).isEqualTo("closed");
			}

			siswa.go(threadPath).type("content", "Terima kasih, Bu! Satu lagi: langkah ketiga?").click("reply-submit");
			assertThat(status(siswa)).isEqualTo("open");
			assertThat(messages(siswa)).hasSize(3);
		}
	}

	@Test
	void anOperatorBroadcastsAndEachStudentSeesOnlyTheirOwnThread() {
		long siswa1 = userId("siswa1@otos.test");
		long siswa2 = userId("siswa2@otos.test");
		try (Browser operator = Browser.open(base())) {
			operator.logIn("operator@otos.test", PASSWORD).click("nav-broadcast");
			operator.type("title", "Jadwal tryout nasional")
				.type("content", "Tryout dimulai Sabtu pukul 08.00.")
				.click("student-" + siswa1)
				.click("student-" + siswa2)
				.click("broadcast-submit");
			assertThat(operator.text("broadcast-recipients")).contains("2");
			operator.click("broadcast-confirm");
			assertThat(operator.text("flash-success")).contains("2");
			assertThat(operator.path()).as("the broadcast's own page, where its replies gather")
				.matches("/messages/broadcasts/\\d+/");
			assertThat(operator.text("broadcast-title")).isEqualTo("Jadwal tryout nasional");
		}
		String firstPath;
		try (Browser siswa = Browser.open(base())) {
			siswa.logIn("siswa1@otos.test", PASSWORD);
			siswa.waitFor(By.cssSelector("#inbox .thread-link")).click();
			firstPath = siswa.path();
			assertThat(siswa.text("thread-title")).isEqualTo("Jadwal tryout nasional");
			siswa.type("content", "Baik, terima kasih.").click("reply-submit");
			assertThat(messages(siswa)).hasSize(2);
		}
		try (Browser siswa = Browser.open(base())) {
			siswa.logIn("siswa2@otos.test", PASSWORD);
			List<WebElement> rows = siswa.driver().findElements(By.cssSelector("#inbox .thread-row"));
			assertThat(rows).hasSize(1);
			rows.get(0).findElement(By.className("thread-link")).click();
			assertThat(siswa.path()).isNotEqualTo(firstPath);
			assertThat(messages(siswa)).containsExactly("Tryout dimulai Sabtu pukul 08.00.");

			siswa.go(firstPath);
			assertThat(siswa.driver().getPageSource()).contains("Tidak ditemukan")
				.doesNotContain("Baik, terima kasih.");
		}
	}

	private static List<String> messages(Browser browser) {
		browser.waitFor(By.id("messages"));
		return browser.driver()
			.findElements(By.className("message-content"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static String status(Browser browser) {
		return browser.waitFor(By.id("thread-status")).getAttribute("data-status");
	}

	private long userId(String email) {
		return this.jdbc.sql("select id from otosapp_user where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
