package id.otos.messaging.threads.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import id.otos.messaging.accounts.RoleName;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, at a phone's width and a desktop's: the staff overview draws its
 * charts (server-rendered SVG) with no Content-Security-Policy violation and nothing
 * wider than the screen, and the inbox's staff filters work. Saves the screenshots the
 * README shows, under {@code docs/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OverviewBrowserTests {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ThreadDesk desk;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theOverviewDrawsItsChartsAtAPhonesWidthAndADesktops() throws Exception {
		school();
		try (Browser admin = Browser.open("http://localhost:" + this.port).recordPolicyViolations()) {
			admin.logIn("admin@otos.test", PASSWORD);
			for (int width : new int[] { 390, 1280 }) {
				admin.driver().manage().window().setSize(new Dimension(width, 900));
				admin.go("/messages/overview/");

				assertThat(admin.driver().findElements(By.cssSelector("#threads-per-day svg rect"))).hasSize(29);
				assertThat(admin.driver().findElements(By.cssSelector("#per-desk-open svg rect.bar-fill"))).isNotEmpty()
					.allSatisfy((bar) -> assertThat(bar.getRect().getWidth()).isPositive());
				assertThat(admin.text("figure-open")).contains("4");
				assertThat(pageWidth(admin)).as("nothing wider than the screen at " + width).isLessThanOrEqualTo(width);
				assertThat(admin.policyViolations()).as("the overview at " + width).isEmpty();
				screenshot(admin, "overview-" + ((width < 500) ? "phone" : "desktop") + ".png");

				admin.go("/messages/?search=integral&sort=urgency");
				assertThat(admin.driver().findElements(By.cssSelector("#inbox li.thread-row"))).hasSize(1);
				assertThat(admin.policyViolations()).as("the inbox's staff filters at " + width).isEmpty();
				screenshot(admin, "staff-search-" + ((width < 500) ? "phone" : "desktop") + ".png");
			}
		}
	}

	private void school() {
		long matematika = id("select id from otosapp_category where category_name = 'Matematika'");
		long kimia = id("select id from otosapp_category where category_name = 'Kimia'");
		Viewer siswa = new Viewer(id("select id from otosapp_user where email = 'siswa1@otos.test'"), RoleName.STUDENT,
				Set.of());
		Viewer guru1 = new Viewer(id("select id from otosapp_user where email = 'guru1@otos.test'"), RoleName.TEACHER,
				Set.of(matematika));
		long integral = this.desk.open(siswa,
				new NewThread("Integral parsial", ThreadType.ACADEMIC, matematika, null, Priority.HIGH, "Tolong", null),
				null);
		this.desk.open(siswa,
				new NewThread("Reaksi redoks", ThreadType.ACADEMIC, kimia, null, Priority.NORMAL, "Tolong", null),
				null);
		long macet = this.desk.open(siswa,
				new NewThread("Aplikasi macet", ThreadType.TECHNICAL, null, null, Priority.HIGH, "Tolong", null), null);
		// students choose up to high; staff decide urgency
		this.desk.changePriority(
				new Viewer(id("select id from otosapp_user where email = 'admin@otos.test'"), RoleName.ADMIN, Set.of()),
				macet, Priority.URGENT);
		this.desk.open(siswa,
				new NewThread("Jadwal tryout", ThreadType.GENERAL, null, null, Priority.LOW, "Kapan?", null), null);
		this.desk.reply(guru1, integral, "Coba substitusi dulu.", null, null);
	}

	private static long pageWidth(Browser browser) {
		return ((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth;")).longValue();
	}

	private static void screenshot(Browser browser, String name) throws Exception {
		Path directory = Browser.screenshots();
		Files.createDirectories(directory);
		byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
		Files.write(directory.resolve(name), png);
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
