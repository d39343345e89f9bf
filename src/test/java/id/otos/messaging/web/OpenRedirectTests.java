package id.otos.messaging.web;

import java.net.URI;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Log-in never sends the browser to another site: not by a parameter naming one, not by
 * the page asked for before log-in, however that request was addressed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenRedirectTests {

	static final String EVIL = "http://evil.example/";

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "continue", "redirect", "redirect_uri", "redirectUrl", "next", "url", "returnUrl",
			"return_to", "target", "targetUrl", "spring-security-redirect" })
	void aParameterNamingAnotherSiteIsIgnored(String parameter) throws Exception {
		this.mvc.perform(logIn(post("/login").param(parameter, EVIL))).andExpect(redirectedUrl("/"));
		this.mvc.perform(logIn(post("/login?" + parameter + "=" + EVIL))).andExpect(redirectedUrl("/"));
		this.mvc.perform(logIn(post("/login").param(parameter, "//evil.example/"))).andExpect(redirectedUrl("/"));
	}

	@Test
	void thePageAskedForBeforeLogInIsShownAfterItOnThisSite() throws Exception {
		Cookie session = askAnonymously(get("/messages/?status=open"));

		this.mvc.perform(logIn(post("/login").cookie(session).param("continue", EVIL)))
			.andExpect(redirectedUrl("/messages/?status=open&continue"));
	}

	@Test
	void aPageAskedForUnderAnotherSitesNameIsShownOnThisSite() throws Exception {
		Cookie session = askAnonymously(get(URI.create(EVIL + "messages/")).header("Host", "evil.example"));

		this.mvc.perform(logIn(post("/login").cookie(session))).andExpect(redirectedUrl("/messages/?continue"));
	}

	@Test
	void aPageAddressStartingWithTwoSlashesIsRefusedAndNotKeptForAfterLogIn() throws Exception {
		Cookie session = askAnonymously(get("/messages/"));
		this.mvc.perform(get(URI.create("http://localhost//evil.example/")).cookie(session))
			.andExpect(status().isBadRequest());

		String location = this.mvc.perform(logIn(post("/login").cookie(session)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).isEqualTo("/messages/?continue");
	}

	private Cookie askAnonymously(MockHttpServletRequestBuilder request) throws Exception {
		Cookie session = this.mvc.perform(request)
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the session that keeps the page asked for").isNotNull();
		return session;
	}

	private static MockHttpServletRequestBuilder logIn(MockHttpServletRequestBuilder request) {
		return request.param("username", "siswa1@otos.test").param("password", "demo-password").with(csrf());
	}

}
