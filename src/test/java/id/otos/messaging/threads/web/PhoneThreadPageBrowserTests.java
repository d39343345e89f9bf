package id.otos.messaging.threads.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.support.PageChecks;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thread page on a phone (390 x 844): it opens where the reader left off with the
 * reply box at hand, a close request asks the student with two buttons, the tab title and
 * screen readers are told what arrives, dark mode follows the device, the language switch
 * keeps the filters, and a reply typed on a bad connection is not lost.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneThreadPageBrowserTests {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	Viewers viewers;

	@Autowired
	Accounts accounts;

	@TempDir
	Path files;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aLongThreadOpensWithTheReplyBoxInViewAndTheNewestMessageJustAboveIt() {
		long thread = longConversation(17);
		try (Browser siswa = phone()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/");
			siswa.go("/messages/thread/" + thread + "/"); // everything read now

			assertThat(inView(siswa, "#content")).as("the reply box").isTrue();
			assertThat(inView(siswa, "#messages li.message:last-child")).as("the newest message").isTrue();
			assertThat(inView(siswa, "#messages li.message:first-child")).as("the first message").isFalse();
		}
	}

	@Test
	void aThreadOpensAtTheFirstMessageNotYetRead() {
		long thread = longConversation(17);
		try (Browser siswa = phone()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/").go("/profile");
			long firstNew = this.desk.reply(viewer("guru1@otos.test"), thread, "Jawaban baru pertama.", null, null);
			for (int i = 0; i < 6; i++) {
				this.desk.reply(viewer("guru1@otos.test"), thread, "Penjelasan tambahan " + i + ".", null, null);
			}

			siswa.go("/messages/thread/" + thread + "/");

			String first = "#messages li.message[data-message-id='" + firstNew + "']";
			assertThat(inView(siswa, first))
				.as("the first unread message: %s", ((JavascriptExecutor) siswa.driver()).executeScript(
						"var e = document.querySelector(arguments[0]); return 'top ' + e.getBoundingClientRect().top"
								+ " + ' scrollY ' + window.scrollY + ' height ' + window.innerHeight + ' unread '"
								+ " + document.querySelectorAll('li.unread').length + ' hash ' + location.hash;",
						first))
				.isTrue();
			assertThat(siswa.driver().findElement(By.cssSelector(first)).getAttribute("class")).contains("unread");
			assertThat(inView(siswa, "#messages li.message:first-child")).as("the first message").isFalse();
		}
	}

	@Test
	void aCloseRequestAsksTheStudentWithTwoButtons() {
		long thread = question("Limit tak hingga", "Bagaimana limit x menuju tak hingga?");
		this.desk.reply(viewer("guru1@otos.test"), thread, "Bagi dengan pangkat tertinggi.", null, null);
		this.desk.requestClose(viewer("guru1@otos.test"), thread);
		try (Browser siswa = phone(); Browser guru = phone()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/");
			assertThat(siswa.text("close-prompt-title")).isEqualTo("Apakah pertanyaan Anda sudah terjawab?");
			assertThat(siswa.text("close-prompt-yes")).isEqualTo("Ya, sudah selesai");
			assertThat(siswa.text("close-prompt-no")).isEqualTo("Saya masih butuh bantuan");
			assertThat(inView(siswa, "#close-prompt")).isTrue();

			siswa.click("close-prompt-no");
			assertThat(((JavascriptExecutor) siswa.driver()).executeScript("return document.activeElement.id;"))
				.isEqualTo("content");

			siswa.click("close-prompt-yes");
			assertThat(siswa.waitFor(By.id("thread-status")).getAttribute("data-status")).isEqualTo("closed");
			assertThat(siswa.isShown(By.id("close-prompt"))).isFalse();

			guru.logIn("guru1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/");
			assertThat(guru.isShown(By.id("close-prompt"))).as("only the student is asked").isFalse();
		}
	}

	@Test
	void theTabTitleCountsUnreadMessagesAndArrivingMessagesAreAnnounced() {
		long thread = question("Vektor satuan", "Apa itu vektor satuan?");
		try (Browser siswa = phone()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/");
			WebElement log = siswa.waitFor(By.id("message-log"));
			assertThat(log.getAttribute("role")).isEqualTo("log");
			assertThat(log.getAttribute("aria-live")).isEqualTo("polite");
			String title = siswa.driver().getTitle();
			assertThat(title).doesNotStartWith("(");

			long other = question("Besaran skalar", "Apa bedanya skalar dan vektor?");
			this.desk.reply(viewer("guru1@otos.test"), other, "Skalar tidak punya arah.", null, null);
			this.desk.reply(viewer("guru1@otos.test"), other, "Contohnya massa.", null, null);
			new WebDriverWait(siswa.driver(), WAIT).until((driver) -> driver.getTitle().equals("(2) " + title));

			this.desk.reply(viewer("guru1@otos.test"), thread, "Vektor yang panjangnya satu.", null, null);
			new WebDriverWait(siswa.driver(), WAIT).until((driver) -> driver
				.findElements(By.cssSelector("#message-log[aria-live='polite'] #messages li.message"))
				.size() == 2);
			assertThat(siswa.driver().getTitle()).isEqualTo("(2) " + title);
		}
	}

	@Test
	void aReplySentWhileTheConnectionIsDownArrivesExactlyOnceWithItsFileWhenItIsBack() throws Exception {
		long thread = question("Integral tentu", "Berapa integral 0 sampai 1 dari x?");
		Path picture = Files.write(this.files.resolve("langkah-saya.png"), MessagingBrowserTests.PICTURE);
		try (Browser siswa = phone()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/");
			siswa.type("content", "Jawaban saya setengah, benar?").attach("attachment", picture);
			int before = messages(thread);

			connection(siswa, false);
			siswa.driver().findElement(By.id("reply-submit")).click();
			WebElement status = new WebDriverWait(siswa.driver(), WAIT).until(
					(driver) -> "waiting".equals(driver.findElement(By.id("reply-form")).getAttribute("data-delivery"))
							? driver.findElement(By.id("reply-delivery")) : null);
			assertThat(status.getText()).contains("akan mengirimnya ulang otomatis");
			assertThat(siswa.driver().findElement(By.id("content")).getAttribute("value"))
				.isEqualTo("Jawaban saya setengah, benar?");
			assertThat(siswa.driver().findElement(By.id("attachment")).getAttribute("value"))
				.endsWith("langkah-saya.png");
			assertThat(messages(thread)).isEqualTo(before);

			WebElement form = siswa.driver().findElement(By.id("reply-form"));
			connection(siswa, true);
			new WebDriverWait(siswa.driver(), Duration.ofSeconds(40)).until(ExpectedConditions.stalenessOf(form));
			new WebDriverWait(siswa.driver(), WAIT)
				.until((driver) -> driver.findElements(By.cssSelector("#messages li.message .message-content"))
					.stream()
					.anyMatch((m) -> m.getText().equals("Jawaban saya setengah, benar?")));
			assertThat(messages(thread)).isEqualTo(before + 1);
			assertThat(this.jdbc.sql("""
					select count(*) from otos_message_attachment a join otosapp_message m on m.id = a.message_id
					where m.thread_id = ? and a.file_name = 'langkah-saya.png'""")
				.param(thread)
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(siswa.text("flash-success")).isEqualTo("Balasan terkirim.");
			assertThat(siswa.driver().findElement(By.id("content")).getAttribute("value")).isEmpty();
			assertThat(draft(siswa, thread)).isNull();
		}
	}

	/** Cuts or restores the browser's network (the DevTools protocol's emulation). */
	private static void connection(Browser browser, boolean online) {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	@Test
	void aDraftSurvivesAReloadAndIsForgottenOnLogOut() {
		long thread = question("Turunan", "Apa turunan x kuadrat?");
		try (Browser siswa = phone()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/");
			siswa.type("content", "Saya belum paham langkah kedua");
			siswa.driver().navigate().refresh();
			assertThat(siswa.waitFor(By.id("content")).getAttribute("value"))
				.isEqualTo("Saya belum paham langkah kedua");

			siswa.logOut();
			assertThat(draft(siswa, thread)).isNull();
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/");
			assertThat(siswa.waitFor(By.id("content")).getAttribute("value")).isEmpty();
		}
	}

	@Test
	void theLanguageSwitchKeepsThePagesFilters() {
		try (Browser siswa = phone()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/?status=pending&search=integral");
			siswa.waitFor(By.id("lang-en")).click();
			new WebDriverWait(siswa.driver(), WAIT)
				.until((driver) -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
			assertThat(siswa.path()).isEqualTo("/messages/?status=pending&search=integral&lang=en");
			assertThat(siswa.driver().findElement(By.name("search")).getAttribute("value")).isEqualTo("integral");
		}
	}

	@Test
	void darkModeFollowsTheDevice() throws Exception {
		long thread = longConversation(6);
		try (Browser siswa = phone()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/thread/" + thread + "/");
			PageChecks page = PageChecks.of(siswa);
			assertThat(background(siswa)).as("light").isGreaterThan(200);
			screenshots(siswa, page, thread, "light");

			page.colorScheme(true);
			assertThat(background(siswa)).as("dark").isLessThan(60);
			screenshots(siswa, page, thread, "dark");
		}
	}

	private void screenshots(Browser browser, PageChecks page, long thread, String scheme) throws Exception {
		Path folder = Files.createDirectories(Browser.screenshots());
		for (Map.Entry<String, String> shot : Map
			.of("phone-thread", "/messages/thread/" + thread + "/", "phone-inbox", "/messages/", "phone-new-thread",
					"/messages/create/")
			.entrySet()) {
			browser.go(shot.getValue());
			Files.write(folder.resolve(shot.getKey() + "-" + scheme + ".png"),
					((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
	}

	/**
	 * The red channel of the page's background: near 255 when light, near 0 when dark.
	 */
	private static long background(Browser browser) {
		Object red = ((JavascriptExecutor) browser.driver())
			.executeScript("return Number(getComputedStyle(document.body).backgroundColor.match(/\\d+/)[0]) || "
					+ "Number(getComputedStyle(document.documentElement).backgroundColor.match(/\\d+/)[0]);");
		return ((Number) red).longValue();
	}

	private static Object draft(Browser browser, long thread) {
		return ((JavascriptExecutor) browser.driver())
			.executeScript("for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i);"
					+ " if (k.indexOf('otos.draft.') === 0 && k.endsWith('." + thread + "')) return k; } return null;");
	}

	private static boolean inView(Browser browser, String selector) {
		return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("""
				var r = document.querySelector(arguments[0]).getBoundingClientRect();
				return r.bottom > 0 && r.top < window.innerHeight && r.top >= -1;
				""", selector));
	}

	private Browser phone() {
		return phone("http://127.0.0.1:" + this.port);
	}

	private static Browser phone(String base) {
		Browser browser = Browser.open(base);
		PageChecks.of(browser).screen(390, 844);
		return browser;
	}

	/**
	 * A thread of the student's with this many messages, the teacher and the student in
	 * turn.
	 */
	private long longConversation(int count) {
		long thread = question("Persamaan kuadrat", "Pesan 1: bagaimana memakai rumus abc?");
		for (int i = 2; i <= count; i++) {
			String who = (i % 2 == 0) ? "guru1@otos.test" : "siswa1@otos.test";
			this.desk.reply(viewer(who), thread, "Pesan " + i + ": " + "penjelasan yang cukup panjang. ".repeat(4),
					null, null);
		}
		return thread;
	}

	private long question(String title, String content) {
		long category = this.jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
		return this.desk.open(viewer("siswa1@otos.test"),
				new NewThread(title, ThreadType.ACADEMIC, category, null, Priority.NORMAL, content, null), null);
	}

	private int messages(long thread) {
		return this.jdbc.sql("select count(*) from otosapp_message where thread_id = ?")
			.param(thread)
			.query(Integer.class)
			.single();
	}

	private Viewer viewer(String email) {
		long id = this.jdbc.sql("select id from otosapp_user where email = ?").param(email).query(Long.class).single();
		return this.viewers.of(this.accounts.currentUser(id).orElseThrow());
	}

}
