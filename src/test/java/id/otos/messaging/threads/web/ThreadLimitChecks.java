package id.otos.messaging.threads.web;

import java.util.UUID;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A student opens at most ten threads an hour (the default), counted in the database: the
 * eleventh form is shown again with a message and opens nothing, and a resubmitted form
 * is still the thread it opened.
 */
@SpringBootTest(properties = "otos.messages.threads-per-hour=10")
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ThreadLimitChecks {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theEleventhThreadInAnHourIsRefusedWithTheFormKeptAndNothingOpened() throws Exception {
		openThreads("siswa1@otos.test", 10);

		this.mvc.perform(newThread("siswa1@otos.test", "Pertanyaan kesebelas", key()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"id=\"form-error\" class=\"alert error\">Anda sudah membuka 10 pesan baru dalam satu jam terakhir, batas yang diizinkan. Tunggu 60 menit, lalu coba lagi.<")))
			.andExpect(content().string(containsString("value=\"Pertanyaan kesebelas\"")));
		this.mvc.perform(newThread("siswa1@otos.test", "Eleventh", key()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"You have opened 10 new threads in the last hour, the most allowed. Wait 60 minutes, then try again.<")));

		assertThat(threadsOf("siswa1@otos.test")).isEqualTo(10);
		this.mvc.perform(newThread("siswa2@otos.test", "Pertanyaan lain", key()))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"));
	}

	@Test
	void aResubmittedFormIsTheThreadItOpenedNeitherCountedAgainNorRefused() throws Exception {
		openThreads("siswa1@otos.test", 9);
		String tenth = key();
		String thread = this.mvc.perform(newThread("siswa1@otos.test", "Kesepuluh", tenth))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		this.mvc.perform(newThread("siswa1@otos.test", "Kesepuluh", tenth)).andExpect(redirectedUrl(thread));
		this.mvc.perform(newThread("siswa1@otos.test", "Kesebelas", key())).andExpect(status().isOk());
		this.mvc.perform(newThread("siswa1@otos.test", "Kesepuluh", tenth)).andExpect(redirectedUrl(thread));

		assertThat(threadsOf("siswa1@otos.test")).isEqualTo(10);
	}

	@Test
	void threadsOpenedOverAnHourAgoNoLongerCount() throws Exception {
		openThreads("siswa1@otos.test", 10);
		this.jdbc.sql("update otosapp_messagethread set created_at = created_at - interval '61' minute").update();

		this.mvc.perform(newThread("siswa1@otos.test", "Pertanyaan baru", key()))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"));
		assertThat(threadsOf("siswa1@otos.test")).isEqualTo(11);
	}

	private void openThreads(String email, int count) throws Exception {
		for (int i = 1; i <= count; i++) {
			this.mvc.perform(newThread(email, "Pertanyaan " + i, key()))
				.andExpect(redirectedUrlPattern("/messages/thread/*/"));
		}
	}

	private MockMultipartHttpServletRequestBuilder newThread(String email, String title, String submissionKey) {
		MockMultipartHttpServletRequestBuilder request = multipart("/messages/create/");
		request.param("title", title)
			.param("thread_type", "general")
			.param("priority", "normal")
			.param("content", "Isi " + title)
			.param("submission_key", submissionKey)
			.with(user((CurrentUser) this.users.loadUserByUsername(email)))
			.with(csrf());
		return request;
	}

	private long threadsOf(String email) {
		return this.jdbc.sql(
				"select count(*) from otosapp_messagethread t join otosapp_user u on u.id = t.student_id where u.email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

}
