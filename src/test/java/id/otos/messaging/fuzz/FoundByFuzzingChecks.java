package id.otos.messaging.fuzz;

import java.util.UUID;

import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One focused test per fault the hostile-input harness found (see
 * {@link HostileInputChecks}), on both databases: PostgreSQL is where a NUL in text
 * failed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class FoundByFuzzingChecks {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	long thread;

	@BeforeEach
	void aStudentAsksTheTeacherAnswers() throws Exception {
		String location = this.mvc
			.perform(as("siswa1@otos.test", multipart("/messages/create/")).param("title", "Soal")
				.param("thread_type", "technical")
				.param("priority", "normal")
				.param("content", "Tolong")
				.param("submission_key", UUID.randomUUID().toString()))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.thread = Long.parseLong(location.replaceAll("\\D", ""));
		reply("operator@otos.test", "Jawaban", UUID.randomUUID().toString()).andExpect(status().isFound());
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aNulInTextIsRemovedBeforeItReachesTheDatabase() throws Exception {
		reply("siswa1@otos.test", "Halo\u0000 dunia\u0000", UUID.randomUUID().toString()).andExpect(status().isFound());
		assertThat(this.jdbc.sql("select content from otosapp_message where thread_id = ? order by id desc")
			.param(this.thread)
			.query(String.class)
			.list()).first().isEqualTo("Halo dunia");
	}

	@Test
	void aReplyOfNothingButNulsIsRefusedAsEmpty() throws Exception {
		reply("siswa1@otos.test", "\u0000\u0000", UUID.randomUUID().toString()).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-content\"")));
		assertThat(messages()).isEqualTo(2);
	}

	@Test
	void aSearchWithANulFindsWhatItWouldWithout() throws Exception {
		this.mvc.perform(as("operator@otos.test", get("/messages/")).param("search", "So\u0000al"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Soal")));
		this.mvc.perform(as("operator@otos.test", get("/messages/rows/")).param("search", "\u0000"))
			.andExpect(status().isOk());
	}

	@Test
	void aTamperedSubmissionKeyIsAMessageOnTheFormAndChangesNothing() throws Exception {
		String overlong = "k".repeat(65);
		reply("siswa1@otos.test", "Balasan", overlong).andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"id=\"error-submission_key\">Formulir ini tidak lagi valid. Muat ulang halaman lalu kirim kembali.<")));
		this.mvc
			.perform(as("siswa1@otos.test", multipart("/messages/create/")).param("title", "Soal lain")
				.param("thread_type", "technical")
				.param("priority", "normal")
				.param("content", "Tolong")
				.param("submission_key", overlong)
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This form is no longer valid. Reload the page")));
		assertThat(messages()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from otosapp_messagethread").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRefusedReplyMovesNoReadPosition() throws Exception {
		String readPositions = "select count(*) || '/' || coalesce(max(last_read_message_id), 0) from otos_thread_read";
		String before = this.jdbc.sql(readPositions).query(String.class).single();
		String readFlags = this.jdbc.sql("select count(*) from otosapp_message where is_read")
			.query(String.class)
			.single();

		reply("siswa1@otos.test", " ", UUID.randomUUID().toString()).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-content\"")));

		assertThat(this.jdbc.sql(readPositions).query(String.class).single()).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from otosapp_message where is_read").query(String.class).single())
			.isEqualTo(readFlags);
	}

	@Test
	void aBroadcastToACategoryThatDoesNotExistIsAMessageOnTheFormAndSendsNothing() throws Exception {
		long siswa2 = this.jdbc.sql("select id from otosapp_user where email = 'siswa2@otos.test'")
			.query(Long.class)
			.single();
		for (String category : new String[] { "-1", String.valueOf(Long.MAX_VALUE) }) {
			this.mvc
				.perform(as("operator@otos.test", post("/messages/broadcast/")).param("title", "Info")
					.param("content", "Jadwal tryout berubah")
					.param("priority", "normal")
					.param("students", String.valueOf(siswa2))
					.param("category", category)
					.param("submission_key", UUID.randomUUID().toString()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Kategori tidak ditemukan.")));
		}
		assertThat(this.jdbc.sql("select count(*) from otosapp_messagethread").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFormBodyOnAMethodNoPageTakesIsNotRead() throws Exception {
		this.mvc
			.perform(as("siswa1@otos.test", patch("/api/me/")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("a=%zz&b=%"))
			.andExpect(status().isMethodNotAllowed());
	}

	@Test
	void anOverlongAssignmentNoteIsRefusedWithAMessageAndChangesNothing() throws Exception {
		String audit = "select count(*) from otos_thread_audit";
		long before = this.jdbc.sql(audit).query(Long.class).single();
		this.mvc
			.perform(as("admin@otos.test", multipart("/messages/thread/{id}/", this.thread)).param("action", "assign")
				.param("note", "c".repeat(501)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashError", "thread.error.note-too-long"));
		assertThat(this.jdbc.sql(audit).query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theApisRefusalWithoutALogInSpeaksTheLanguageAskedForByParameter() throws Exception {
		this.mvc.perform(get("/api/me/").param("lang", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("\"message\":\"Please log in first.\"")));
		this.mvc.perform(get("/api/messages/unread-count/").param("lang", "id").header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("\"message\":\"Silakan masuk terlebih dahulu.\"")));
	}

	private org.springframework.test.web.servlet.ResultActions reply(String email, String content, String key)
			throws Exception {
		return this.mvc.perform(as(email, multipart("/messages/thread/{id}/", this.thread)).param("action", "reply")
			.param("content", content)
			.param("submission_key", key));
	}

	private long messages() {
		return this.jdbc.sql("select count(*) from otosapp_message where thread_id = ?")
			.param(this.thread)
			.query(Long.class)
			.single();
	}

	private AbstractMockHttpServletRequestBuilder<?> as(String email,
			AbstractMockHttpServletRequestBuilder<?> request) {
		return request.with(user(this.users.loadUserByUsername(email))).with(csrf());
	}

}
