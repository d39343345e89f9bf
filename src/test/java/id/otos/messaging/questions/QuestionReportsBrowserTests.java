package id.otos.messaging.questions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import id.otos.messaging.support.Browser;
import id.otos.messaging.support.PageChecks;
import id.otos.messaging.support.PageChecks.Violation;
import id.otos.messaging.support.DjangoFixture;
import id.otos.messaging.support.DjangoSigning;
import id.otos.messaging.support.OtosQuestions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser beside Django, at a phone's width: two students report the same
 * question from the link otos's pages carry, each seeing the question; the teacher
 * follows the link to the folded reports, answers both at once, publishes the corrected
 * explanation and resolves them; each student finds the answer in their own thread. No
 * Content-Security-Policy violation and nothing wider than the screen on the way. Saves
 * the screenshots the README shows.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "otos.demo.enabled=false", "otos.django.login-url=/login/" })
@ActiveProfiles("test")
class QuestionReportsBrowserTests {

	static final int PHONE = 390;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	DjangoFixture fixture;

	long question;

	@DynamicPropertySource
	static void django(DynamicPropertyRegistry registry) {
		registry.add("otos.django.secret-key", () -> DjangoFixture.load().secretKey());
	}

	@BeforeEach
	void otosQuestionBank() {
		this.fixture = DjangoFixture.load();
		this.fixture.reset(this.jdbc);
		OtosQuestions.reset(this.jdbc);
		this.question = OtosQuestions.questionWithExplanation();
		long category = OtosQuestions.categoryOfEachQuestion().get(this.question);
		OtosQuestions.tookTest(this.jdbc, QuestionReportsChecks.STUDENT1, category);
		OtosQuestions.tookTest(this.jdbc, QuestionReportsChecks.STUDENT2, category);
	}

	@Test
	void studentsReportAQuestionAndTheTeacherAnswersThemAllAndCorrectsTheExplanation() throws Exception {
		String[] texts = { "Kunci jawaban nomor ini sepertinya salah, saya dapat 20.",
				"Kenapa bukan 20? Pembahasannya kurang jelas." };
		long[] students = { QuestionReportsChecks.STUDENT1, QuestionReportsChecks.STUDENT2 };
		for (int i = 0; i < students.length; i++) {
			try (Browser student = as(students[i])) {
				student.go("/messages/create/?question=" + this.question);
				assertThat(student.driver().findElements(By.cssSelector("#question-choices li"))).hasSize(4);
				assertThat(student.text("question-text")).contains("2 + 3");
				assertThat(pageWidth(student)).as("the report form").isLessThanOrEqualTo(PHONE);
				assertThat(axeFindings(student)).as("the report form, light and dark").isEmpty();
				if (i == 0) {
					screenshot(student, "question-report-phone.png");
				}
				student.type("content", texts[i]).click("submit-thread");
				assertThat(student.path()).startsWith("/messages/thread/");
				assertThat(student.policyViolations()).as("the student's pages").isEmpty();
			}
		}
		try (Browser teacher = as(QuestionReportsChecks.TEACHER1)) {
			teacher.go("/messages/");
			teacher.driver().findElement(By.cssSelector("#inbox a[href*='/messages/thread/']")).click();
			teacher.waitFor(By.id("question-group-link"));
			teacher.driver().findElement(By.cssSelector("#question-group-link a")).click();
			teacher.waitFor(By.id("report-count"));
			assertThat(teacher.text("report-count")).isEqualTo("2");
			assertThat(teacher.text("reports")).contains(texts[0]).contains(texts[1]);
			assertThat(pageWidth(teacher)).as("the folded reports").isLessThanOrEqualTo(PHONE);
			assertThat(axeFindings(teacher)).as("the folded reports, light and dark").isEmpty();
			screenshot(teacher, "question-reports-phone.png");
			teacher.type("answer-content", "Kunci jawaban 14 sudah benar: perkalian dikerjakan dulu.")
				.click("answer-all");
			assertThat(teacher.text("flash-success")).contains("2");
			teacher.type("explanation-text", "<p>Kerjakan perkalian dulu: 3 × 4 = 12, lalu 2 + 12 = 14.</p>")
				.click("publish-explanation");
			assertThat(teacher.text("explanation-now")).contains("Kerjakan perkalian dulu");
			assertThat(teacher.text("explanation-history")).contains("Perkalian dikerjakan lebih dulu");
			teacher.click("resolve-all");
			assertThat(teacher.text("flash-success")).contains("2");
			teacher.waitFor(By.id("no-open-reports"));
			assertThat(teacher.policyViolations()).as("the teacher's pages").isEmpty();
		}
		for (long id : students) {
			try (Browser student = as(id)) {
				student.go("/messages/");
				student.driver().findElement(By.cssSelector("#inbox a[href*='/messages/thread/']")).click();
				student.waitFor(By.id("messages"));
				assertThat(student.text("messages")).contains("Kunci jawaban 14 sudah benar")
					.contains("#" + this.question);
			}
		}
	}

	/** A browser logged in to Django as the user, at a phone's width. */
	private Browser as(long userId) {
		Browser browser = Browser.open("http://localhost:" + this.port).recordPolicyViolations();
		browser.driver().manage().window().setSize(new Dimension(PHONE, 900));
		browser.go("/messages/assets/css/app.css");
		String key = DjangoSigning.newSessionKey();
		DjangoFixture.insertSession(this.jdbc, key,
				DjangoSigning.logIn(userId, this.fixture.user(userId).password(), this.fixture.secretKey()),
				OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
		browser.driver().manage().addCookie(new Cookie("sessionid", key, "/"));
		return browser;
	}

	/**
	 * What axe-core finds critical, serious or moderate on the page, in the light and in
	 * the dark colour scheme (as {@code EveryPageBrowserTests} asks of every other page).
	 */
	private static List<String> axeFindings(Browser browser) {
		PageChecks page = PageChecks.of(browser);
		List<String> findings = new ArrayList<>();
		for (boolean dark : new boolean[] { false, true }) {
			page.colorScheme(dark)
				.axe()
				.stream()
				.filter(Violation::fails)
				.forEach((violation) -> findings.add((dark ? "dark: " : "light: ") + violation));
		}
		page.colorScheme(false);
		return findings;
	}

	private static long pageWidth(Browser browser) {
		return ((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth;")).longValue();
	}

	private static void screenshot(Browser browser, String name) throws Exception {
		Path directory = Browser.screenshots();
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
	}

}
