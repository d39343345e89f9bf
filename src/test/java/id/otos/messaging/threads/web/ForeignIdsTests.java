package id.otos.messaging.threads.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * A thread, a message or an attachment one may not open answers exactly as one that does
 * not exist: the same status, the same page, in the same language. Nobody learns from an
 * id whether somebody else asked something, and guessing ids changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ForeignIdsTests {

	static final String OWNER = "siswa1@otos.test";

	static final String STRANGER = "siswa2@otos.test";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	long foreignThread;

	long foreignMessage;

	long ownThread;

	long ownMessage;

	long missing;

	@BeforeEach
	void eachStudentAsksOnceWithAFile() throws Exception {
		this.foreignThread = ask(OWNER, "Soal integral milik siswa1");
		this.foreignMessage = firstMessage(this.foreignThread);
		this.ownThread = ask(STRANGER, "Soal vektor milik siswa2");
		this.ownMessage = firstMessage(this.ownThread);
		this.missing = this.jdbc.sql("select coalesce(max(id), 0) + 1000 from otosapp_messagethread")
			.query(Long.class)
			.single();
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void anotherStudentsThreadLooksLikeNoThreadAtAll() {
		for (String suffix : List.of("", "messages?after=0")) {
			Set<String> answers = new TreeSet<>();
			for (long id : List.of(this.foreignThread, this.missing, 0L, -1L, Long.MAX_VALUE)) {
				answers.add(notFound(get("/messages/thread/" + id + "/" + suffix), "thread " + id + suffix));
			}
			assertThat(answers).as("one answer for every id ('%s')", suffix).hasSize(1);
			assertThat(answers.iterator().next()).doesNotContain("integral");
		}
	}

	@Test
	void anotherStudentsAttachmentLooksLikeNoAttachmentAtAll() throws Exception {
		Map<String, String> addresses = Map.of("the other student's attachment",
				attachment(this.foreignThread, this.foreignMessage), "a message that does not exist",
				attachment(this.ownThread, this.missing), "the other student's message under one's own thread",
				attachment(this.ownThread, this.foreignMessage), "one's own message under the other student's thread",
				attachment(this.foreignThread, this.ownMessage), "a thread that does not exist",
				attachment(this.missing, this.ownMessage));
		Set<String> answers = new TreeSet<>();
		addresses.forEach((what, address) -> answers.add(notFound(get(address), what)));
		assertThat(answers).hasSize(1);
		assertThat(this.mvc.perform(get(attachment(this.ownThread, this.ownMessage)).with(user(as(STRANGER))))
			.andReturn()
			.getResponse()
			.getStatus()).as("one's own attachment").isEqualTo(200);
	}

	@Test
	void actingOnAnotherStudentsThreadLooksLikeActingOnNoThreadAndChangesNothing() {
		String before = threads();
		for (String action : List.of("reply", "close_thread", "request_close", "update_status", "update_priority",
				"assign", "claim", "triage", "handoff")) {
			Set<String> answers = new TreeSet<>();
			for (long id : List.of(this.foreignThread, this.missing)) {
				answers.add(notFound(post("/messages/thread/" + id + "/").param("action", action)
					.param("content", "Saya ikut menjawab")
					.param("status", "resolved")
					.param("priority", "urgent")
					.param("submission_key", "f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f")
					.with(csrf()), action + " on " + id));
			}
			assertThat(answers).as(action).hasSize(1);
		}
		assertThat(threads()).as("threads and messages after the refused actions").isEqualTo(before);
	}

	/**
	 * What a 404 tells its receiver: the status, the reason, the body, and which
	 * exception made it (the error page itself is rendered by the container from the
	 * status alone).
	 */
	private String notFound(MockHttpServletRequestBuilder request, String what) {
		try {
			MvcResult result = this.mvc.perform(request.with(user(as(STRANGER)))).andReturn();
			MockHttpServletResponse response = result.getResponse();
			assertThat(response.getStatus()).as(what).isEqualTo(404);
			Exception exception = result.getResolvedException();
			return response.getStatus() + " " + response.getErrorMessage() + " "
					+ ((exception != null) ? exception.getClass().getName() : "-") + " "
					+ response.getContentAsString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(what, ex);
		}
	}

	private String threads() {
		return this.jdbc
			.sql("select t.id, t.status, t.priority, t.teacher_or_admin_id, t.updated_at, t.version, count(m.id) from otosapp_messagethread t "
					+ "left join otosapp_message m on m.thread_id = t.id "
					+ "group by t.id, t.status, t.priority, t.teacher_or_admin_id, t.updated_at, t.version order by t.id")
			.query()
			.listOfRows()
			.toString();
	}

	private long ask(String student, String title) throws Exception {
		long matematika = this.jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
		this.mvc
			.perform(multipart("/messages/create/")
				.file(new MockMultipartFile("attachment", "soal.pdf", "application/pdf", "%PDF-1.4 soal".getBytes()))
				.param("title", title)
				.param("thread_type", "academic")
				.param("category", String.valueOf(matematika))
				.param("priority", "normal")
				.param("content", "Bagaimana caranya?")
				.with(user(as(student)))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"));
		return this.jdbc.sql("select max(id) from otosapp_messagethread").query(Long.class).single();
	}

	private long firstMessage(long thread) {
		return this.jdbc.sql("select min(id) from otosapp_message where thread_id = ?")
			.param(thread)
			.query(Long.class)
			.single();
	}

	private static String attachment(long thread, long message) {
		return "/messages/thread/" + thread + "/attachments/" + message + "/";
	}

	private org.springframework.security.core.userdetails.UserDetails as(String email) {
		return this.users.loadUserByUsername(email);
	}

}
