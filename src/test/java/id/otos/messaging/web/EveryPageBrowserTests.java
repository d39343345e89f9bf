package id.otos.messaging.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.support.PageChecks;
import id.otos.messaging.support.PageChecks.Violation;
import id.otos.messaging.threads.Broadcast;
import id.otos.messaging.threads.Broadcasts;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, as every role sees it, on a phone and on a desktop: it never scrolls
 * sideways (at 320, 390, 768 and 1440 px), and axe-core finds nothing critical, serious
 * or moderate in it, in the light and in the dark colour scheme. Each test prints its
 * per-page table of axe-core's findings.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// a mail server (never asked: the outbox is not sent), so that the password links
		// and
		// the student import are there to be checked
		properties = { "spring.mail.host=127.0.0.1", "otos.notifications.enabled=false" })
@ActiveProfiles("test")
class EveryPageBrowserTests {

	static final int[] WIDTHS = { 320, 390, 768, 1440 };

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

	long question;

	long technical;

	long broadcast;

	@Autowired
	Broadcasts broadcasts;

	@BeforeEach
	void aStudentsQuestionIsAnsweredAndTheTeacherAsksToCloseIt() {
		long category = id("select id from otosapp_category where category_name = 'Matematika'");
		this.question = this.desk.open(viewer("siswa1@otos.test"), new NewThread(
				"Soal integral parsial yang panjang sekali judulnya", ThreadType.ACADEMIC, category, null,
				Priority.NORMAL,
				"Bagaimana menghitung https://example.org/soal/integral?nomor=12&bagian=a&penjelasan=lengkap-sekali ini?",
				null), null);
		this.desk.reply(viewer("guru1@otos.test"), this.question, "Pakai substitusi u = x².", null, null);
		this.desk.requestClose(viewer("guru1@otos.test"), this.question);
		this.technical = this.desk.open(viewer("siswa1@otos.test"), new NewThread("Aplikasi tidak bisa dibuka",
				ThreadType.TECHNICAL, null, null, Priority.HIGH, "Layar putih setelah masuk.", null), null);
		this.broadcast = this.broadcasts
			.send(viewer("operator@otos.test"),
					new Broadcast("Jadwal tryout", "Tryout dimulai Sabtu.", Priority.NORMAL, true, List.of(), null,
							null))
			.broadcastId();
		long reply = id(
				"select min(bt.thread_id) from otos_broadcast_thread bt where bt.broadcast_id = " + this.broadcast);
		this.desk.reply(viewer("siswa1@otos.test"), reply, "Baik, terima kasih.", null, null);
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theLogInPageFitsEveryScreenAndPassesAxe() {
		check(null, List.of("/login", "/login?logout", "/login?error", "/login/forgot", "/login/forgot?sent",
				"/login/reset?token=not-a-link"));
	}

	@Test
	void theStudentsPagesFitEveryScreenAndPassAxe() {
		check("siswa1@otos.test",
				List.of("/messages/", "/messages/?status=pending&search=integral", "/messages/create/",
						"/messages/thread/" + this.question + "/", "/profile", "/messages/thread/987654/"));
	}

	@Test
	void theTeachersPagesFitEveryScreenAndPassAxe() {
		check("guru1@otos.test", List.of("/messages/", "/messages/thread/" + this.question + "/", "/messages/overview/",
				"/messages/answers/", "/profile"));
	}

	@Test
	void theOperatorsPagesFitEveryScreenAndPassAxe() {
		long student = id("select id from otosapp_user where email = 'siswa1@otos.test'");
		check("operator@otos.test",
				List.of("/messages/", "/messages/thread/" + this.technical + "/", "/messages/broadcast/",
						"/messages/broadcasts/", "/messages/broadcasts/" + this.broadcast + "/", "/messages/overview/",
						"/messages/answers/", "/messages/start/?student=" + student, "/profile"));
	}

	@Test
	void theAdminsPagesFitEveryScreenAndPassAxe() {
		long student = id("select id from otosapp_user where email = 'siswa1@otos.test'");
		long category = id("select id from otosapp_category where category_name = 'Matematika'");
		check("admin@otos.test",
				List.of("/messages/", "/messages/thread/" + this.question + "/", "/messages/overview/",
						"/messages/targets/", "/messages/answers/", "/messages/broadcast/", "/messages/broadcasts/",
						"/messages/broadcasts/" + this.broadcast + "/", "/admin/users", "/admin/users/new",
						"/admin/users/import", "/admin/users/" + student + "/edit", "/admin/categories",
						"/admin/categories/" + category, "/profile"));
	}

	private void check(String email, List<String> pages) {
		List<String> failures = new ArrayList<>();
		StringBuilder table = new StringBuilder("\n| role | page | light: critical/serious/moderate/minor | dark |\n");
		try (Browser browser = Browser.open(base())) {
			if (email != null) {
				browser.logIn(email, DemoLogIn.PASSWORD);
			}
			PageChecks page = PageChecks.of(browser);
			for (String path : pages) {
				page.screen(1440, 900).colorScheme(false);
				browser.go(path);
				assertThat(browser.driver().getPageSource()).as(path).contains("topbar");
				for (int width : WIDTHS) {
					page.screen(width, 800);
					long overflow = page.sidewaysOverflow();
					if (overflow > 0) {
						failures.add(path + " scrolls sideways by " + overflow + " px at " + width + " px: "
								+ page.elementsPastTheEdge());
					}
				}
				page.screen(390, 844);
				List<Violation> light = page.colorScheme(false).axe();
				List<Violation> dark = page.colorScheme(true).axe();
				light.stream().filter(Violation::fails).forEach((v) -> failures.add(path + " (light): " + v));
				dark.stream().filter(Violation::fails).forEach((v) -> failures.add(path + " (dark): " + v));
				table.append("| ")
					.append(email == null ? "anonymous" : email)
					.append(" | ")
					.append(path)
					.append(" | ")
					.append(counts(light))
					.append(" | ")
					.append(counts(dark))
					.append(" |\n");
			}
		}
		System.out.println(table);
		assertThat(failures).isEmpty();
	}

	private static String counts(List<Violation> violations) {
		return PageChecks.FAILING_IMPACTS.stream()
			.map((impact) -> String.valueOf(violations.stream().filter((v) -> v.impact().equals(impact)).count()))
			.collect(Collectors.joining("/")) + "/" + violations.stream().filter((v) -> !v.fails()).count()
				+ (violations.isEmpty() ? "" : " " + violations.stream().map(Violation::rule).toList());
	}

	private Viewer viewer(String email) {
		return this.viewers.of(this.accounts
			.currentUser(id("select id from otosapp_user where email = '" + email.replace("'", "''") + "'"))
			.orElseThrow());
	}

	private long id(String query) {
		return this.jdbc.sql(query).query(Long.class).single();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
