package id.otos.messaging.threads.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff click on the desk (issue 13): a teacher hands a question to a colleague with
 * a note; an admin changes status, priority and handler in one form with one submit, and
 * the history says each change in words. Saves the thread page as the README shows it, at
 * a phone's width and a desktop's, under {@code docs/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeskBrowserTests {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	Accounts accounts;

	@Autowired
	Categories categories;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aTeacherHandsAQuestionOnAndAnAdminTriagesItInOneSubmit() throws IOException {
		long matematika = this.categories.all()
			.stream()
			.filter((category) -> category.name().equals("Matematika"))
			.mapToLong(CategoryView::id)
			.findFirst()
			.orElseThrow();
		long guru3 = this.accounts
			.register(new NewAccount("guru3@otos.test", "guru3", "Citra", "Dewi", null, RoleName.TEACHER, PASSWORD));
		this.categories.assignTeacher(matematika, guru3);
		long guru1 = userId("guru1@otos.test");
		long thread = this.desk.open(new Viewer(userId("siswa1@otos.test"), RoleName.STUDENT, Set.of()),
				new NewThread("Limit tak hingga", ThreadType.ACADEMIC, matematika, guru1, Priority.NORMAL,
						"Bagaimana limit 1/x saat x menuju tak hingga?", null),
				null);
		String path = "/messages/thread/" + thread + "/";

		try (Browser guru = Browser.open(base())) {
			guru.logIn("guru1@otos.test", PASSWORD).go(path);
			guru.selectValue("handoff-handler", String.valueOf(guru3))
				.type("handoff-note", "Citra, ini topik kelasmu minggu ini.")
				.click("handoff-submit");
			assertThat(guru.text("flash-success")).isEqualTo("Pesan diserahkan.");
			assertThat(guru.text("thread-handler")).isEqualTo("Citra Dewi");
		}

		try (Browser admin = Browser.open(base())) {
			admin.logIn("admin@otos.test", PASSWORD).go(path);
			assertThat(admin.driver()
				.findElements(By.cssSelector("form button[type=submit]"))
				.stream()
				.filter((button) -> "triage-submit".equals(button.getAttribute("id")))
				.count()).as("one submit for status, priority and handler").isEqualTo(1);
			admin.selectValue("status", "pending")
				.selectValue("priority", "urgent")
				.selectValue("handler", String.valueOf(guru1))
				.type("triage-note", "Budi, tolong cek lagi.")
				.click("triage-submit");
			assertThat(admin.waitFor(By.id("thread-status")).getAttribute("data-status")).isEqualTo("pending");
			assertThat(admin.waitFor(By.id("thread-priority")).getAttribute("data-priority")).isEqualTo("urgent");
			assertThat(admin.waitFor(By.id("thread-handler")).getAttribute("data-handler-id"))
				.isEqualTo(String.valueOf(guru1));
			List<String> history = admin.driver()
				.findElements(By.cssSelector("#audit .audit-text"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(history).containsExactly("Diarahkan ke Budi Santoso: dipilih oleh siswa",
					"Penugasan: Budi Santoso → Citra Dewi", "Status: Terbuka → Menunggu Respons",
					"Prioritas: Normal → Mendesak", "Penugasan: Citra Dewi → Budi Santoso");
			assertThat(admin.text("audit")).contains("Citra, ini topik kelasmu minggu ini.")
				.contains("Budi, tolong cek lagi.");
			screenshot(admin, "thread-triage-desktop.png", 1280, 2000);
			screenshot(admin, "thread-triage-phone.png", 390, 2400);
		}
	}

	private static void screenshot(Browser browser, String name, int width, int height) throws IOException {
		browser.driver().manage().window().setSize(new Dimension(width, height));
		Path folder = Files.createDirectories(Browser.screenshots());
		byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
		Files.write(folder.resolve(name), png);
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
