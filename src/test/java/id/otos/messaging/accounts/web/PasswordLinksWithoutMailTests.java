package id.otos.messaging.accounts.web;

import id.otos.messaging.support.DemoLogIn;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without a mail server (the embedded default), nobody could receive a password link or
 * an invitation: the pages are absent (404), and neither the log-in page nor the user
 * list offers them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PasswordLinksWithoutMailTests {

	@Autowired
	MockMvc mvc;

	@Test
	void thePasswordLinkPagesAreAbsent() throws Exception {
		this.mvc.perform(get("/login")).andExpect(content().string(not(containsString("/login/forgot"))));
		this.mvc.perform(get("/login/forgot")).andExpect(status().isNotFound());
		this.mvc.perform(post("/login/forgot").with(csrf()).param("email", "siswa1@otos.test"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/login/reset").param("token", "A".repeat(43))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/login/reset").with(csrf())
				.param("token", "A".repeat(43))
				.param("newPassword", "kata-sandi-baru")
				.param("confirmPassword", "kata-sandi-baru"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theImportIsAbsent() throws Exception {
		Cookie admin = DemoLogIn.session(this.mvc, "admin@otos.test");
		this.mvc.perform(get("/admin/users").cookie(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/admin/users/import"))));
		this.mvc.perform(get("/admin/users/import").cookie(admin)).andExpect(status().isNotFound());
		this.mvc.perform(multipart("/admin/users/import").with(csrf()).cookie(admin)).andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/users/import/confirm").with(csrf()).cookie(admin))
			.andExpect(status().isNotFound());
	}

}
