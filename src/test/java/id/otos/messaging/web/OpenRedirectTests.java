package id.otos.messaging.web;

import java.net.URI;
import java.util.Base64;

import id.otos.messaging.support.DemoLogIn;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
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
 * the page asked for before log-in (kept in a cookie, not a session), however that
 * request was addressed and whatever the browser made of the cookie.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenRedirectTests {

	static final String EVIL = "http://evil.example/";

	static final String SAVED_PAGE = "REDIRECT_URI";

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
		Cookie savedPage = askAnonymously(get("/messages/?status=open"));

		this.mvc.perform(logIn(post("/login").cookie(savedPage).param("continue", EVIL)))
			.andExpect(redirectedUrl("/messages/?status=open"));
	}

	@Test
	void aPageAskedForUnderAnotherSitesNameIsShownOnThisSite() throws Exception {
		Cookie savedPage = askAnonymously(get(URI.create(EVIL + "messages/")).header("Host", "evil.example"));

		this.mvc.perform(logIn(post("/login").cookie(savedPage))).andExpect(redirectedUrl("/messages/"));
	}

	@Test
	void aPageAddressStartingWithTwoSlashesIsRefusedAndNotKeptForAfterLogIn() throws Exception {
		Cookie savedPage = askAnonymously(get("/messages/"));
		MockHttpServletResponse refused = this.mvc
			.perform(get(URI.create("http://localhost//evil.example/")).cookie(savedPage))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		assertThat(refused.getCookie(SAVED_PAGE)).isNull();

		String location = this.mvc.perform(logIn(post("/login").cookie(savedPage)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).isEqualTo("/messages/");
	}

	/**
	 * The browser keeps the page asked for, and can change it: whatever it says, log-in
	 * leads to a path of this site, and a value that is not a path to the start page.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/messages/?status=open|/messages/?status=open", "http://evil.example/messages/|/",
			"//evil.example/messages/|/", "http://localhost//evil.example/|/", "javascript:alert(1)|/",
			"http://evil.example|/", "/\\evil.example/|/", "/\\/evil.example/|/", "/ x|/", "|/" })
	void aSavedPageTheBrowserChangedLeadsOnlyToThisSite(String savedAndExpected) throws Exception {
		String[] parts = savedAndExpected.split("\\|", -1);
		Cookie changed = new Cookie(SAVED_PAGE, Base64.getEncoder().encodeToString(parts[0].getBytes()));

		this.mvc.perform(logIn(post("/login").cookie(changed))).andExpect(redirectedUrl(parts[1]));
	}

	/**
	 * {@code LyV6eg==} is {@code /%zz}, which Spring's URI parser refuses with an
	 * exception.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "%%%", "bm90IGEgdXJs", "aHR0cDovL1s6Oi9d", "\u00ff", "LyV6eg==" })
	void aSavedPageThatCannotBeReadLeadsToTheStartPage(String value) throws Exception {
		Cookie garbled = new Cookie(SAVED_PAGE, value);

		this.mvc.perform(get("/login").cookie(garbled)).andExpect(status().isOk());
		this.mvc.perform(logIn(post("/login").cookie(garbled))).andExpect(redirectedUrl("/"));
	}

	private Cookie askAnonymously(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request)
			.andExpect(status().isFound())
			.andReturn()
			.getResponse();
		assertThat(response.getCookie("SESSION")).as("a session for someone not logged in").isNull();
		Cookie savedPage = response.getCookie(SAVED_PAGE);
		assertThat(savedPage).as("the cookie that keeps the page asked for").isNotNull();
		return savedPage;
	}

	private static MockHttpServletRequestBuilder logIn(MockHttpServletRequestBuilder request) {
		return request.param("username", "siswa1@otos.test").param("password", DemoLogIn.PASSWORD).with(csrf());
	}

}
