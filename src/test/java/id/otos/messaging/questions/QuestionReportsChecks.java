package id.otos.messaging.questions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import id.otos.messaging.support.DjangoFixture;
import id.otos.messaging.support.DjangoSigning;
import id.otos.messaging.support.OtosQuestions;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reports about otos's questions beside Django, on the fixture's question bank
 * ({@link OtosQuestions}: three questions, one with an explanation): a student reports a
 * question they met in a test of theirs, and nothing else; the report reaches the
 * category's teachers; staff see a question's open reports folded together, answer and
 * resolve them at once, and publish the corrected explanation to the question, audited
 * and restorable.
 */
@SpringBootTest(properties = { "otos.demo.enabled=false", "otos.django.login-url=/login/",
		"otos.messages.threads-per-hour=1000" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class QuestionReportsChecks {

	static final long ADMIN = 1;

	static final long OPERATOR = 2;

	/** Teaches categories 1 and 2. */
	static final long TEACHER1 = 3;

	/** Teaches categories 2 and 3. */
	static final long TEACHER2 = 4;

	static final long STUDENT1 = 5;

	static final long STUDENT2 = 6;

	static final long STUDENT3 = 7;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	DjangoFixture fixture;

	long question;

	long category;

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
		this.category = OtosQuestions.categoryOfEachQuestion().get(this.question);
		assertThat(this.category).isEqualTo(1L);
		OtosQuestions.tookTest(this.jdbc, STUDENT1, this.category);
		OtosQuestions.tookTest(this.jdbc, STUDENT2, this.category);
	}

	@Test
	void aStudentReportsAQuestionOfATestTheyTookAndSeesItsTextAndChoices() throws Exception {
		String page = this.mvc
			.perform(get("/messages/create/").param("question", Long.toString(this.question)).cookie(logIn(STUDENT1)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"reported-question\"")
			.containsPattern("<strong>2 (\\+|&#43;) 3 (&times;|×|&#215;) 4</strong>")
			.contains("<p>14</p>")
			.contains("<p>24</p>")
			.contains("name=\"question\" value=\"" + this.question + "\"")
			.contains("Matematika Dasar")
			.doesNotContain("id=\"category\"");
	}

	@Test
	void anUnknownMalformedOrUnseenQuestionIsNotFoundExactlyLikeAForeignThread() throws Exception {
		long otherStudentsThread = report(STUDENT2, this.question, "Kunci jawabannya salah");
		String foreignThread = this.mvc
			.perform(get("/messages/thread/{id}/", otherStudentsThread).cookie(logIn(STUDENT1)))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long unseen = OtosQuestions.categoryOfEachQuestion()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() != this.category)
			.findFirst()
			.orElseThrow()
			.getKey();
		for (String id : List.of(Long.toString(unseen), "999999", "0", "-1", "1.0", "1e3", "abc", "", " 1",
				"99999999999999999999999", "1;drop table otosapp_question")) {
			String page = this.mvc.perform(get("/messages/create/").param("question", id).cookie(logIn(STUDENT1)))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(id).isEqualTo(foreignThread);
		}
		// a student who never took a test of its category
		this.mvc
			.perform(get("/messages/create/").param("question", Long.toString(this.question)).cookie(logIn(STUDENT3)))
			.andExpect(status().isNotFound());
		long before = threadCount();
		this.mvc
			.perform(multipart("/messages/create/").param("question", Long.toString(unseen))
				.param("title", "Laporan")
				.param("thread_type", "report")
				.param("priority", "normal")
				.param("content", "Salah")
				.param("submission_key", "k-unseen")
				.cookie(logIn(STUDENT1))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(threadCount()).isEqualTo(before);
	}

	@Test
	void aReportIsAboutTheQuestionInItsCategoryAndGoesToTheCategorysTeacher() throws Exception {
		long thread = report(STUDENT1, this.question, "Jawaban 14 seharusnya 20?");
		Map<String, Object> row = this.jdbc.sql(
				"select thread_type, category_id, question_id, teacher_or_admin_id from otosapp_messagethread where id = :id")
			.param("id", thread)
			.query()
			.singleRow();
		assertThat(row.get("thread_type")).isEqualTo("report");
		assertThat(((Number) row.get("category_id")).longValue()).isEqualTo(this.category);
		assertThat(((Number) row.get("question_id")).longValue()).isEqualTo(this.question);
		assertThat(((Number) row.get("teacher_or_admin_id")).longValue()).isEqualTo(TEACHER1);
		// the same form twice opens one report
		assertThat(report(STUDENT1, this.question, "Jawaban 14 seharusnya 20?", "same-key"))
			.isEqualTo(report(STUDENT1, this.question, "Jawaban 14 seharusnya 20?", "same-key"));
		// the teacher opens it; an operator, for whom it is subject matter, does not
		this.mvc.perform(get("/messages/thread/{id}/", thread).cookie(logIn(TEACHER1))).andExpect(status().isOk());
		this.mvc.perform(get("/messages/thread/{id}/", thread).cookie(logIn(OPERATOR)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/messages/thread/{id}/", thread).cookie(logIn(ADMIN))).andExpect(status().isOk());
	}

	@Test
	void staffSeeTheOpenReportsFoldedAndEachStudentOnlyTheirOwn() throws Exception {
		long first = report(STUDENT1, this.question, "Kunci jawaban nomor ini salah");
		long second = report(STUDENT2, this.question, "Pembahasannya tidak jelas");
		String group = this.mvc.perform(get("/messages/questions/{id}/", this.question).cookie(logIn(TEACHER1)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(group).contains("id=\"report-count\">2<")
			.contains("Kunci jawaban nomor ini salah")
			.contains("Pembahasannya tidak jelas")
			.contains("id=\"first-report\"")
			.contains("id=\"latest-report\"");
		String threadPage = this.mvc.perform(get("/messages/thread/{id}/", first).cookie(logIn(TEACHER1)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(threadPage).contains("id=\"question-group-link\"")
			.contains("/messages/questions/" + this.question + "/");
		// students, a teacher of other categories and an operator see no group
		for (long outsider : List.of(STUDENT1, TEACHER2, OPERATOR)) {
			this.mvc.perform(get("/messages/questions/{id}/", this.question).cookie(logIn(outsider)))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/messages/thread/{id}/", second).cookie(logIn(STUDENT1)))
			.andExpect(status().isNotFound());
		String studentsPage = this.mvc.perform(get("/messages/thread/{id}/", first).cookie(logIn(STUDENT1)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(studentsPage).doesNotContain("question-group-link").doesNotContain("Pembahasannya tidak jelas");
	}

	@Test
	void oneAnswerReachesEveryReportingStudentInTheirOwnThreadUnreadAndResolvingClosesTheGroup() throws Exception {
		long first = report(STUDENT1, this.question, "Kunci jawaban salah");
		long second = report(STUDENT2, this.question, "Kok 14?");
		unreadCount(STUDENT1, 0);
		for (int i = 0; i < 2; i++) {
			// submitted twice: answered once
			this.mvc
				.perform(post("/messages/questions/{id}/", this.question).param("action", "answer")
					.param("content", "Kunci jawaban 14 benar: perkalian dulu.")
					.param("submission_key", "answer-1")
					.cookie(logIn(TEACHER1))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		for (long thread : List.of(first, second)) {
			assertThat(this.jdbc
				.sql("select content from otosapp_message where thread_id = :id and sender_id = :teacher order by id")
				.param("id", thread)
				.param("teacher", TEACHER1)
				.query(String.class)
				.list()).containsExactly("Kunci jawaban 14 benar: perkalian dulu.");
		}
		unreadCount(STUDENT1, 1);
		unreadCount(STUDENT2, 1);
		this.mvc
			.perform(post("/messages/questions/{id}/", this.question).param("action", "resolve")
				.cookie(logIn(TEACHER1))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select status from otosapp_messagethread where id in (:ids)")
			.param("ids", List.of(first, second))
			.query(String.class)
			.list()).containsExactly("resolved", "resolved");
		assertThat(this.jdbc
			.sql("select count(*) from otos_thread_audit where thread_id in (:ids) and to_value = 'resolved'")
			.param("ids", List.of(first, second))
			.query(Long.class)
			.single()).isEqualTo(2);
		// a later report shows the student the answer at once, and still reaches the
		// teacher
		OtosQuestions.tookTest(this.jdbc, STUDENT3, this.category);
		String form = this.mvc
			.perform(get("/messages/create/").param("question", Long.toString(this.question)).cookie(logIn(STUDENT3)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("id=\"earlier-answer\"").contains("Kunci jawaban 14 benar: perkalian dulu.");
		long later = report(STUDENT3, this.question, "Masih bingung");
		assertThat(this.jdbc.sql("select teacher_or_admin_id from otosapp_messagethread where id = :id")
			.param("id", later)
			.query(Long.class)
			.single()).isEqualTo(TEACHER1);
	}

	@Test
	void theTeacherPublishesTheExplanationSanitizedAuditedRestorableAndEveryReporterIsTold() throws Exception {
		long first = report(STUDENT1, this.question, "Pembahasan salah");
		String before = explanation();
		assertThat(before).contains("Perkalian dikerjakan lebih dulu");
		// an operator and a teacher of other categories may not
		for (long outsider : List.of(OPERATOR, TEACHER2, STUDENT1)) {
			this.mvc
				.perform(post("/messages/questions/{id}/", this.question).param("action", "explain")
					.param("explanation", "<p>X</p>")
					.param("submission_key", "e-" + outsider)
					.cookie(logIn(outsider))
					.with(csrf()))
				.andExpect(status().isNotFound());
		}
		assertThat(explanation()).isEqualTo(before);
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(post("/messages/questions/{id}/", this.question).param("action", "explain")
				.param("explanation",
						"<p onclick=\"steal()\">Kerjakan <b>3 &times; 4</b> dulu.</p><script>steal()</script>"
								+ "<img src=\"https://evil.example/x.png\" onerror=\"steal()\"><img src=\"/media/q/1.png\" alt=\"gambar\">")
				.param("submission_key", "explain-1")
				.cookie(logIn(TEACHER1))
				.with(csrf())).andExpect(status().is3xxRedirection());
		}
		String after = explanation();
		assertThat(after).containsPattern("Kerjakan <b>3 (&times;|×|&#215;) 4</b> dulu")
			.contains("src=\"/media/q/1.png\"")
			.doesNotContain("script")
			.doesNotContain("steal")
			.doesNotContain("evil.example");
		List<Map<String, Object>> audit = this.jdbc.sql(
				"select changed_by_id, previous_explanation, new_explanation from otos_question_explanation_audit where question_id = :q")
			.param("q", this.question)
			.query()
			.listOfRows();
		assertThat(audit).hasSize(1);
		assertThat(((Number) audit.get(0).get("changed_by_id")).longValue()).isEqualTo(TEACHER1);
		assertThat(audit.get(0).get("previous_explanation")).isEqualTo(before);
		assertThat(audit.get(0).get("new_explanation")).isEqualTo(after);
		assertThat(this.jdbc.sql("select count(*) from otosapp_message where thread_id = :id and sender_id = :teacher")
			.param("id", first)
			.param("teacher", TEACHER1)
			.query(Long.class)
			.single()).isEqualTo(1);
		String group = this.mvc.perform(get("/messages/questions/{id}/", this.question).cookie(logIn(TEACHER1)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(group).contains("id=\"explanation-history\"").contains("Perkalian dikerjakan lebih dulu");
		long change = ((Number) this.jdbc.sql("select id from otos_question_explanation_audit where question_id = :q")
			.param("q", this.question)
			.query()
			.singleValue()).longValue();
		this.mvc
			.perform(post("/messages/questions/{id}/", this.question).param("action", "restore")
				.param("change", Long.toString(change))
				.param("submission_key", "restore-1")
				.cookie(logIn(ADMIN))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(explanation()).isEqualTo(before);
	}

	/**
	 * The authorization matrix of the question pages: each person against each page and
	 * action, on a question with one open report (student 1's, held by teacher 1).
	 * 200/302 where the rules allow it, 403 for the new-thread form of a non-student (as
	 * the plain form), 404 everywhere else; a refused request changes nothing.
	 */
	@Test
	void everyPersonGetsWhatTheRulesSayOnEveryQuestionPageAndAction() throws Exception {
		long visitor = this.fixture.user("visitor@otos.example").id();
		long report = report(STUDENT1, this.question, "Laporan pertama");
		// columns: FORM, REPORT, GROUP, ANSWER, RESOLVE, EXPLAIN, RESTORE
		Map<Long, int[]> spec = new java.util.LinkedHashMap<>();
		spec.put(STUDENT1, new int[] { 200, 302, 404, 404, 404, 404, 404 });
		spec.put(STUDENT2, new int[] { 200, 302, 404, 404, 404, 404, 404 });
		spec.put(STUDENT3, new int[] { 404, 404, 404, 404, 404, 404, 404 });
		spec.put(TEACHER2, new int[] { 403, 403, 404, 404, 404, 404, 404 });
		spec.put(OPERATOR, new int[] { 403, 403, 404, 404, 404, 404, 404 });
		spec.put(visitor, new int[] { 403, 403, 404, 404, 404, 404, 404 });
		spec.put(TEACHER1, new int[] { 403, 403, 200, 302, 302, 302, 302 });
		spec.put(ADMIN, new int[] { 403, 403, 200, 302, 302, 302, 302 });
		this.mvc
			.perform(post("/messages/questions/{id}/", this.question).param("action", "explain")
				.param("explanation", "<p>Versi guru</p>")
				.param("submission_key", "matrix-setup")
				.cookie(logIn(TEACHER1))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		long change = ((Number) this.jdbc.sql("select max(id) from otos_question_explanation_audit")
			.query()
			.singleValue()).longValue();
		for (Map.Entry<Long, int[]> row : spec.entrySet()) {
			long who = row.getKey();
			int[] expected = row.getValue();
			String q = Long.toString(this.question);
			String key = "m-" + who + "-" + System.nanoTime();
			String before = snapshot(report);
			int[] actual = new int[7];
			actual[0] = this.mvc.perform(get("/messages/create/").param("question", q).cookie(logIn(who)))
				.andReturn()
				.getResponse()
				.getStatus();
			actual[1] = this.mvc
				.perform(multipart("/messages/create/").param("question", q)
					.param("title", "Laporan")
					.param("thread_type", "report")
					.param("priority", "normal")
					.param("content", "Salah")
					.param("submission_key", key)
					.cookie(logIn(who))
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			actual[2] = this.mvc.perform(get("/messages/questions/{id}/", q).cookie(logIn(who)))
				.andReturn()
				.getResponse()
				.getStatus();
			String afterReports = snapshot(report);
			actual[3] = statusOf(post("/messages/questions/{id}/", q).param("action", "answer")
				.param("content", "Jawaban")
				.param("submission_key", key + "a"), who);
			actual[4] = statusOf(post("/messages/questions/{id}/", q).param("action", "resolve"), who);
			actual[5] = statusOf(post("/messages/questions/{id}/", q).param("action", "explain")
				.param("explanation", "<p>Baru " + who + "</p>")
				.param("submission_key", key + "e"), who);
			actual[6] = statusOf(post("/messages/questions/{id}/", q).param("action", "restore")
				.param("change", Long.toString(change))
				.param("submission_key", key + "r"), who);
			assertThat(actual).as("user " + who).containsExactly(expected);
			if (expected[3] == 404) {
				assertThat(snapshot(report)).as("user " + who + " changed nothing").isEqualTo(afterReports);
			}
			if (expected[1] != 302) {
				assertThat(afterReports).as("user " + who + " opened nothing").isEqualTo(before);
			}
		}
	}

	private int statusOf(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, long who)
			throws Exception {
		return this.mvc.perform(request.cookie(logIn(who)).with(csrf())).andReturn().getResponse().getStatus();
	}

	/** What a refused request must leave as it was. */
	private String snapshot(long report) {
		return threadCount() + "|" + explanation() + "|"
				+ this.jdbc.sql("select status from otosapp_messagethread where id = :id")
					.param("id", report)
					.query(String.class)
					.single()
				+ "|" + this.jdbc.sql("select count(*) from otosapp_message").query(Long.class).single() + "|"
				+ this.jdbc.sql("select count(*) from otos_question_explanation_audit").query(Long.class).single();
	}

	long report(long student, long questionId, String text) throws Exception {
		return report(student, questionId, text, "k-" + student + "-" + System.nanoTime());
	}

	long report(long student, long questionId, String text, String key) throws Exception {
		MvcResult result = this.mvc
			.perform(multipart("/messages/create/").param("question", Long.toString(questionId))
				.param("title", "Laporan soal")
				.param("thread_type", "report")
				.param("priority", "normal")
				.param("content", text)
				.param("submission_key", key)
				.cookie(logIn(student))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/messages/thread/");
		return Long.parseLong(location.replaceAll("\\D", ""));
	}

	Cookie logIn(long userId) {
		String key = DjangoSigning.newSessionKey();
		DjangoFixture.insertSession(this.jdbc, key,
				DjangoSigning.logIn(userId, this.fixture.user(userId).password(), this.fixture.secretKey()),
				OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
		return new Cookie("sessionid", key);
	}

	private void unreadCount(long user, int expected) throws Exception {
		this.mvc.perform(get("/api/messages/unread-count/").cookie(logIn(user)))
			.andExpect(jsonPath("$.unread_count").value(expected));
	}

	private String explanation() {
		return this.jdbc.sql("select explanation from otosapp_question where id = :id")
			.param("id", this.question)
			.query(String.class)
			.single();
	}

	private long threadCount() {
		return this.jdbc.sql("select count(*) from otosapp_messagethread").query(Long.class).single();
	}

}
