package id.otos.messaging.threads.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Ready answers (issue 13 part 5): personal ones for their owner alone, shared ones for
 * every handler and managed by operators and admins; inserted into a thread's reply box
 * with the placeholders filled in, without JavaScript by a button that shows the form
 * again and sends nothing (the script is checked in {@code MessagingBrowserTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ReadyAnswersChecks {

	@Autowired
	MockMvc mvc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	Viewers viewers;

	@Autowired
	Categories categories;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	long thread;

	@BeforeEach
	void aQuestionOfAndiToBudi() {
		long matematika = this.categories.all()
			.stream()
			.filter((category) -> category.name().equals("Matematika"))
			.mapToLong(CategoryView::id)
			.findFirst()
			.orElseThrow();
		this.thread = this.desk.open(viewer("siswa1@otos.test"), new NewThread("Integral parsial", ThreadType.ACADEMIC,
				matematika, viewer("guru1@otos.test").userId(), Priority.NORMAL, "Bagaimana memilih u?", null), null);
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aPersonalAnswerIsItsOwnersAloneAndASharedOneEveryHandlers() throws Exception {
		save("guru1@otos.test", "Salam guru1", "Halo dari Budi", false);
		save("operator@otos.test", "Salam bersama", "Halo dari tim", true);

		assertThat(answersPage("guru1@otos.test")).contains("Salam guru1", "Salam bersama");
		assertThat(answersPage("guru2@otos.test")).contains("Salam bersama").doesNotContain("Salam guru1");
		assertThat(answersPage("admin@otos.test")).contains("Salam bersama").doesNotContain("Salam guru1");
		long personal = answerId("Salam guru1");
		assertThat(status(get("/messages/answers/").param("edit", String.valueOf(personal)), "guru2@otos.test"))
			.isEqualTo(404);
		assertThat(status(post("/messages/answers/" + personal + "/delete"), "admin@otos.test")).isEqualTo(404);
		assertThat(status(post("/messages/answers/").param("id", String.valueOf(personal))
			.param("title", "Diambil")
			.param("content", "x"), "guru2@otos.test")).isEqualTo(404);
		assertThat(answers()).isEqualTo(2);
		assertThat(title(personal)).isEqualTo("Salam guru1");
	}

	@Test
	void onlyOperatorsAndAdminsShareOrChangeASharedAnswer() throws Exception {
		assertThat(save("guru1@otos.test", "Ingin dibagi", "Isi", true).getResponse().getStatus()).isEqualTo(403);
		assertThat(answers()).isZero();
		save("admin@otos.test", "Salam bersama", "Halo", true);
		long shared = answerId("Salam bersama");

		assertThat(status(post("/messages/answers/" + shared + "/delete"), "guru1@otos.test")).isEqualTo(403);
		assertThat(status(post("/messages/answers/").param("id", String.valueOf(shared))
			.param("title", "Diubah guru")
			.param("content", "x"), "guru1@otos.test")).isEqualTo(403);
		assertThat(title(shared)).isEqualTo("Salam bersama");
		assertThat(status(post("/messages/answers/").param("id", String.valueOf(shared))
			.param("title", "Diubah operator")
			.param("content", "x"), "operator@otos.test")).isEqualTo(302);
		assertThat(title(shared)).isEqualTo("Diubah operator");
		assertThat(status(post("/messages/answers/" + shared + "/delete"), "operator@otos.test")).isEqualTo(302);
		assertThat(answers()).isZero();
	}

	@Test
	void studentsHaveNoReadyAnswers() throws Exception {
		save("operator@otos.test", "Salam bersama", "Halo", true);

		assertThat(status(get("/messages/answers/"), "siswa1@otos.test")).isEqualTo(403);
		assertThat(save("siswa1@otos.test", "Punya siswa", "Isi", false).getResponse().getStatus()).isEqualTo(403);
		assertThat(answers()).isEqualTo(1);
		String page = body(this.mvc.perform(get(threadUrl()).with(as("siswa1@otos.test"))).andReturn());
		assertThat(page).doesNotContain("id=\"ready-answer\"").doesNotContain("Salam bersama");
	}

	@Test
	void insertingWithoutJavaScriptFillsThePlaceholdersAfterWhatWasTypedAndSendsNothing() throws Exception {
		save("guru1@otos.test", "Salam", "Halo {nama_siswa}, tentang \"{judul}\": lihat buku. Salam, {handler_name}",
				false);
		long messages = messages();

		MvcResult result = this.mvc
			.perform(post(threadUrl()).param("action", "reply")
				.param("insert_answer", "1")
				.param("answer", String.valueOf(answerId("Salam")))
				.param("content", "Pertanyaan bagus.")
				.param("submission_key", "k-insert")
				.with(as("guru1@otos.test"))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(threadUrl());
		assertThat(result.getFlashMap().get("flashSuccess")).isEqualTo("answers.inserted");
		assertThat(result.getFlashMap().get("replyContent"))
			.isEqualTo("Pertanyaan bagus.\n\nHalo Andi, tentang \"Integral parsial\": lihat buku. Salam, Budi Santoso");
		assertThat(result.getFlashMap().get("replyKey")).isEqualTo("k-insert");
		assertThat(messages()).as("nothing is sent").isEqualTo(messages);
	}

	@Test
	void theThreadPageOffersTheAnswersFilledInForTheScriptAndEscaped() throws Exception {
		save("guru1@otos.test", "<b>Tebal</b>", "<script>alert(1)</script> {student_first_name}", false);

		String page = body(this.mvc.perform(get(threadUrl()).with(as("guru1@otos.test"))).andReturn());

		assertThat(page).contains("id=\"ready-answer\"")
			.contains("data-text=\"&lt;script&gt;alert(1)&lt;/script&gt; Andi\"")
			.contains("&lt;b&gt;Tebal&lt;/b&gt;")
			.doesNotContain("<script>alert(1)")
			.contains("/messages/assets/js/ready-answers.js");
	}

	@Test
	void anAnswerOfSomeoneElseCannotBeInserted() throws Exception {
		save("admin@otos.test", "Punya admin", "Rahasia admin", false);

		int status = this.mvc
			.perform(post(threadUrl()).param("action", "reply")
				.param("insert_answer", "1")
				.param("answer", String.valueOf(answerId("Punya admin")))
				.with(as("guru1@otos.test"))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(status).isEqualTo(404);
	}

	@Test
	void aTamperedAnswerNumberIsRefusedOnTheFormAndNothingIsKept() throws Exception {
		String page = body(this.mvc
			.perform(post("/messages/answers/").param("id", "NaN")
				.param("title", "Judul")
				.param("content", "Isi")
				.with(as("guru1@otos.test"))
				.with(csrf()))
			.andReturn());

		assertThat(page).contains("id=\"error-id\"").contains("Jawaban siap itu tidak ditemukan.");
		assertThat(answers()).isZero();
	}

	@Test
	void anEmptyOrOverlongAnswerIsRefusedInThePersonsLanguageAndNothingIsKept() throws Exception {
		String empty = body(save("guru1@otos.test", " ", "Isi", false));
		String english = body(this.mvc
			.perform(post("/messages/answers/").param("title", "Judul")
				.param("content", "x".repeat(5001))
				.locale(Locale.ENGLISH)
				.header("Accept-Language", "en")
				.with(as("guru1@otos.test"))
				.with(csrf()))
			.andReturn());

		assertThat(empty).contains("id=\"error-title\"").contains("Judul wajib diisi.");
		assertThat(english).contains("id=\"error-content\"").contains("A ready answer has at most 5000 characters.");
		assertThat(answers()).isZero();
	}

	private MvcResult save(String who, String title, String content, boolean shared) throws Exception {
		var request = post("/messages/answers/").param("title", title).param("content", content);
		if (shared) {
			request.param("shared", "true");
		}
		return this.mvc.perform(request.with(as(who)).with(csrf())).andReturn();
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String who)
			throws Exception {
		return this.mvc.perform(request.with(as(who)).with(csrf())).andReturn().getResponse().getStatus();
	}

	private String answersPage(String who) throws Exception {
		return body(this.mvc.perform(get("/messages/answers/").with(as(who))).andReturn());
	}

	private long answerId(String title) {
		return this.jdbc.sql("select id from otos_ready_answer where title = :title")
			.param("title", title)
			.query(Long.class)
			.single();
	}

	private String title(long id) {
		return this.jdbc.sql("select title from otos_ready_answer where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private long answers() {
		return this.jdbc.sql("select count(*) from otos_ready_answer").query(Long.class).single();
	}

	private long messages() {
		return this.jdbc.sql("select count(*) from otosapp_message").query(Long.class).single();
	}

	private String threadUrl() {
		return "/messages/thread/" + this.thread + "/";
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor as(String email) {
		return user((CurrentUser) this.users.loadUserByUsername(email));
	}

	private Viewer viewer(String email) {
		return this.viewers.of((CurrentUser) this.users.loadUserByUsername(email));
	}

}
