package id.otos.messaging.web;

import id.otos.messaging.support.DemoLogIn;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Log-in, log-out, CSRF and the admin boundary, against the real user store (demo data on
 * H2).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecurityTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousVisitorIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void loginPageIsIndonesianByDefaultAndEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/login")).andExpect(content().string(containsString("Kata sandi")));
		this.mvc.perform(get("/login").param("lang", "en")).andExpect(content().string(containsString("Password")));
		this.mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
			.andExpect(content().string(containsString("Password")));
	}

	@Test
	void correctPasswordLogsInWithAFreshSessionId() throws Exception {
		assertThat(this.mvc.perform(get("/messages/")).andReturn().getResponse().getCookie("SESSION"))
			.as("a visit before log-in has no session")
			.isNull();
		Cookie before = this.mvc.perform(
				post("/login").param("username", "siswa2@otos.test").param("password", DemoLogIn.PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(before).as("the session of an earlier log-in in this browser").isNotNull();

		Cookie after = this.mvc
			.perform(post("/login").cookie(before)
				.param("username", "SISWA1@otos.test")
				.param("password", DemoLogIn.PASSWORD)
				.with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");

		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
		this.mvc.perform(get("/messages/").cookie(after)).andExpect(status().isOk());
		this.mvc.perform(get("/messages/").cookie(before)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void wrongPasswordReturnsToTheLoginPageWithAnError() throws Exception {
		this.mvc.perform(post("/login").param("username", "siswa1@otos.test").param("password", "nope").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login?error"))
			.andExpect(content().string(
					containsString("id=\"login-error\">Email atau kata sandi salah, atau akun Anda dinonaktifkan.<")));
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/login").param("username", "siswa1@otos.test").param("password", DemoLogIn.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void logoutNeedsAPostWithCsrfToken() throws Exception {
		this.mvc.perform(post("/logout").with(user("siswa1@otos.test"))).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").with(user("siswa1@otos.test")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void onlyAdminsReachAdminPages() throws Exception {
		for (String role : new String[] { "STUDENT", "TEACHER", "OPERATOR" }) {
			this.mvc.perform(get("/admin/users").with(user("someone").roles(role))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/admin/users")).andExpect(redirectedUrl("/login"));
	}

}
