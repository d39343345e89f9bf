package id.otos.messaging.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.notifications.LiveConnections;
import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, the pages run under their Content-Security-Policy without it
 * blocking anything, and the live updates (an event stream and fetches) still arrive.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContentSecurityPolicyBrowserTests {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	static final Duration LIVE = Duration.ofSeconds(5);

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

	@Autowired
	LiveConnections connections;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theCheckSeesAnInlineScriptThatThePolicyBlocks() {
		try (Browser siswa = Browser.open(base()).recordPolicyViolations()) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go("/messages/");
			((JavascriptExecutor) siswa.driver()).executeScript("var script = document.createElement('script');"
					+ "script.textContent = 'window.ran = true';" + "document.body.appendChild(script);");

			new WebDriverWait(siswa.driver(), LIVE).until((driver) -> !siswa.policyViolations().isEmpty());
			assertThat(((JavascriptExecutor) siswa.driver()).executeScript("return window.ran === true;"))
				.isEqualTo(false);
		}
	}

	@Test
	void theStudentsPagesRunUnblockedAndLiveUpdatesStillArrive() {
		long question = openQuestion("Gaya gesek", "Apa itu koefisien gesek?");
		try (Browser siswa = Browser.open(base()).recordPolicyViolations()) {
			siswa.go("/login");
			assertThat(siswa.policyViolations()).as("the log-in page").isEmpty();
			siswa.logIn("siswa1@otos.test", PASSWORD);
			assertThat(siswa.path()).isEqualTo("/messages/");
			awaitLive(siswa);
			assertThat(siswa.policyViolations()).as("the inbox").isEmpty();

			long other = openQuestion("Hukum Hooke", "Apa arti konstanta pegas?");
			new WebDriverWait(siswa.driver(), LIVE).until((driver) -> !driver
				.findElements(By.cssSelector("#inbox li.thread-row[data-thread-id='" + other + "']"))
				.isEmpty());
			assertThat(siswa.policyViolations()).as("the inbox after a live update").isEmpty();

			siswa.go("/messages/thread/" + question + "/");
			awaitLive(siswa);
			reply(question, "Perbandingan gaya gesek dan gaya normal.");
			new WebDriverWait(siswa.driver(), LIVE)
				.until((driver) -> driver.findElements(By.cssSelector("#messages li.message .message-content"))
					.size() == 2);
			assertThat(siswa.policyViolations()).as("the thread page after a live update").isEmpty();

			for (String page : new String[] { "/messages/create/", "/profile", "/css/tidak-ada.css" }) {
				siswa.go(page);
				assertThat(siswa.policyViolations()).as(page).isEmpty();
			}
		}
	}

	@Test
	void theAdminsPagesRunUnblocked() {
		try (Browser admin = Browser.open(base()).recordPolicyViolations()) {
			admin.logIn("admin@otos.test", PASSWORD);
			for (String page : new String[] { "/messages/", "/messages/broadcast/", "/admin/users", "/admin/users/new",
					"/admin/categories" }) {
				admin.go(page);
				assertThat(admin.policyViolations()).as(page).isEmpty();
			}
		}
	}

	@Test
	void theErrorPagesOfTheRunningServerCarryTheSecurityHeaders() throws Exception {
		expectSecurityHeadersOnErrorPage("/css/tidak-ada.css", 404);
		expectSecurityHeadersOnErrorPage("/css/a;b.css", 400);
		expectSecurityHeadersOnErrorPage("/css/%2e%2e/login", 400);
	}

	@Test
	void aRequestTheFirewallRefusesShowsItsErrorPageUnblocked() {
		try (Browser visitor = Browser.open(base()).recordPolicyViolations()) {
			visitor.go("/css/a;b.css");
			assertThat(visitor.driver().getPageSource()).contains("topbar");
			assertThat(visitor.policyViolations()).isEmpty();
		}
	}

	private void expectSecurityHeadersOnErrorPage(String path, int status) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(path).isEqualTo(status);
		assertThat(response.body()).as(path).contains("<html");
		assertThat(response.headers().allValues("Content-Security-Policy"))
			.containsExactly(SecurityHeadersTests.POLICY);
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	/**
	 * Waits until the page's event stream is open. Whatever happens before it is open is
	 * fetched when it opens ("hello"), so either way what follows must show without a
	 * reload, through the same fetches the policy must allow.
	 */
	private void awaitLive(Browser browser) {
		new WebDriverWait(browser.driver(), LIVE).until((driver) -> this.connections.open() > 0);
	}

	private long openQuestion(String title, String content) {
		long category = this.jdbc.sql("select id from otosapp_category where category_name = 'Fisika'")
			.query(Long.class)
			.single();
		return this.desk.open(viewer("siswa1@otos.test"),
				new NewThread(title, ThreadType.ACADEMIC, category, null, Priority.NORMAL, content, null), null);
	}

	private void reply(long thread, String content) {
		this.desk.reply(viewer("guru1@otos.test"), thread, content, null, null);
	}

	private Viewer viewer(String email) {
		return this.viewers.of(this.accounts.currentUser(userId(email)).orElseThrow());
	}

	private long userId(String email) {
		return this.jdbc.sql("select id from otosapp_user where email = ?").param(email).query(Long.class).single();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
