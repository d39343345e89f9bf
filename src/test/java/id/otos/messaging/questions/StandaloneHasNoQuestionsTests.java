package id.otos.messaging.questions;

import id.otos.messaging.support.DemoLogIn;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A standalone school (accounts of its own, no otos database) has no questions: the
 * feature is absent, not broken. Its links are "not found", its forms change nothing, and
 * no page offers it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StandaloneHasNoQuestionsTests {

	@Autowired
	QuestionBank questions;

	@Autowired
	MockMvc mvc;

	@Test
	void thereAreNoQuestions() {
		assertThat(this.questions.isPresent()).isFalse();
		assertThat(this.questions.find(1)).isEmpty();
	}

	@Test
	void everyQuestionAddressIsNotFound() throws Exception {
		Cookie student = DemoLogIn.session(this.mvc, "siswa1@otos.test");
		Cookie admin = DemoLogIn.session(this.mvc, "admin@otos.test");
		this.mvc.perform(get("/messages/create/").param("question", "1").cookie(student))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/messages/create/").param("question", "1")
				.param("title", "Laporan")
				.param("priority", "normal")
				.param("content", "Salah")
				.cookie(student)
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/messages/questions/1/").cookie(admin)).andExpect(status().isNotFound());
		for (String action : new String[] { "answer", "resolve", "explain", "restore" }) {
			this.mvc
				.perform(post("/messages/questions/1/").param("action", action)
					.param("content", "x")
					.param("explanation", "x")
					.param("change", "1")
					.cookie(admin)
					.with(csrf()))
				.andExpect(status().isNotFound());
		}
		String form = this.mvc.perform(get("/messages/create/").cookie(student))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).doesNotContain("reported-question").doesNotContain("name=\"question\"");
	}

}
