package id.otos.messaging.threads.web;

import java.util.List;

import id.otos.messaging.support.Browser;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a teacher clicks to answer with a ready answer: kept on the ready-answers page,
 * chosen in the reply form, changed, sent; with JavaScript the box fills on choosing,
 * without it the Insert button shows the form again filled in. An internal note is
 * written on the same page and stays out of the student's view.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadyAnswersBrowserTests {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	static final String FILLED = "Halo Andi, soal \"Limit fungsi\" sudah saya baca. Salam, Budi Santoso";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String threadPath;

	@BeforeEach
	void aQuestionOfAndi() {
		try (Browser siswa = Browser.open(base())) {
			siswa.logIn("siswa1@otos.test", PASSWORD).click("new-thread");
			siswa.type("title", "Limit fungsi")
				.selectValue("thread_type", "academic")
				.select("category", "Matematika")
				.type("content", "Bagaimana menghitung limit ini?")
				.click("submit-thread");
			this.threadPath = siswa.path();
		}
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void withJavaScriptChoosingAReadyAnswerFillsTheReplyBox() {
		try (Browser guru = Browser.open(base())) {
			keepAnAnswer(guru);
			guru.go(this.threadPath).selectValue("ready-answer", answerId());

			WebElement box = guru.waitFor(By.id("content"));
			assertThat(box.getAttribute("value")).isEqualTo(FILLED);
			guru.type("content", FILLED + " Semangat!").click("reply-submit");

			assertThat(messages(guru)).contains(FILLED + " Semangat!");
			assertThat(guru.policyViolations()).isEmpty();
		}
	}

	@Test
	void withoutJavaScriptTheInsertButtonFillsTheReplyBoxAndSendsNothing() {
		try (Browser guru = Browser.openWithoutJavaScript(base())) {
			keepAnAnswer(guru);
			guru.go(this.threadPath).type("content", "Pertanyaan bagus.").selectValue("ready-answer", answerId());
			guru.click("insert-answer");

			assertThat(guru.waitFor(By.id("content")).getAttribute("value"))
				.isEqualTo("Pertanyaan bagus.\n\n" + FILLED);
			assertThat(messages(guru)).as("nothing sent yet").hasSize(1);
			guru.click("reply-submit");
			assertThat(messages(guru)).hasSize(2).last().asString().contains(FILLED);
		}
	}

	@Test
	void anInternalNoteIsShownToStaffAsSuchAndNeverToTheStudent() {
		try (Browser guru = Browser.open(base())) {
			guru.logIn("guru1@otos.test", PASSWORD).go(this.threadPath);
			guru.type("note-content", "Sudah dua kali bertanya hal yang sama.").click("note-submit");
			WebElement note = guru.waitFor(By.cssSelector("li.note"));
			assertThat(note.getText()).contains("Catatan internal", "Sudah dua kali bertanya hal yang sama.");
		}
		try (Browser siswa = Browser.open(base())) {
			siswa.logIn("siswa1@otos.test", PASSWORD).go(this.threadPath);
			assertThat(siswa.driver().getPageSource()).doesNotContain("Sudah dua kali bertanya");
			assertThat(siswa.driver().findElements(By.cssSelector("li.note, #note-form"))).isEmpty();
		}
	}

	private void keepAnAnswer(Browser guru) {
		guru.logIn("guru1@otos.test", PASSWORD).recordPolicyViolations().click("nav-answers");
		guru.type("answer-title", "Sudah dibaca")
			.type("answer-content", "Halo {nama_siswa}, soal \"{judul}\" sudah saya baca. Salam, {nama_penjawab}")
			.click("answer-submit");
		assertThat(guru.text("flash-success")).isEqualTo("Jawaban siap disimpan.");
		assertThat(guru.waitFor(By.id("answers-list")).getText()).contains("Sudah dibaca");
	}

	private String answerId() {
		return String.valueOf(this.jdbc.sql("select max(id) from otos_ready_answer").query(Long.class).single());
	}

	private static List<String> messages(Browser browser) {
		return browser.driver()
			.findElements(By.cssSelector("#messages li.message .message-content"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
