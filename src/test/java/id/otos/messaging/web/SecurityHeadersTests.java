package id.otos.messaging.web;

import java.net.URI;

import id.otos.messaging.support.DemoLogIn;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every response, of every filter chain (pages, JSON API, operations endpoints), logged
 * in or not, refused or not, tells the browser to run only the application's own scripts
 * and styles, to show it in no frame, to send no referrer to other sites and not to guess
 * content types.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecurityHeadersTests {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Autowired
	MockMvc mvc;

	@Test
	void theLoginPageCarriesTheSecurityHeaders() throws Exception {
		expectSecurityHeaders(this.mvc.perform(get("/login")).andExpect(status().isOk()));
	}

	@Test
	void aPageOfALoggedInPersonCarriesTheSecurityHeaders() throws Exception {
		Cookie session = logIn("siswa1@otos.test");
		expectSecurityHeaders(this.mvc.perform(get("/messages/").cookie(session)).andExpect(status().isOk()));
	}

	@Test
	void theJsonApiCarriesTheSecurityHeadersAnsweredOrRefused() throws Exception {
		Cookie session = logIn("siswa1@otos.test");
		expectSecurityHeaders(this.mvc.perform(get("/api/me/").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json")));
		expectSecurityHeaders(this.mvc.perform(get("/api/me/"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/json")));
	}

	@Test
	void errorPagesCarryTheSecurityHeaders() throws Exception {
		Cookie student = logIn("siswa1@otos.test");
		expectSecurityHeaders(this.mvc.perform(get("/admin/users").cookie(student)).andExpect(status().isForbidden()));
		expectSecurityHeaders(this.mvc.perform(get("/error/403").cookie(student))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("<html"))));
		Cookie admin = logIn("admin@otos.test");
		expectSecurityHeaders(this.mvc.perform(get("/admin/categories/987654").cookie(admin))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("<html"))));
	}

	@Test
	void theRedirectToTheLoginPageAndTheOperationsEndpointsCarryTheSecurityHeaders() throws Exception {
		expectSecurityHeaders(this.mvc.perform(get("/messages/")).andExpect(status().isFound()));
		expectSecurityHeaders(this.mvc.perform(get("/messages/events/")).andExpect(status().isUnauthorized()));
		expectSecurityHeaders(this.mvc.perform(get("/actuator/health")).andExpect(status().isOk()));
		expectSecurityHeaders(this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized()));
	}

	@Test
	void aRequestTheFirewallRefusesBeforeAnyFilterChainCarriesTheSecurityHeaders() throws Exception {
		expectSecurityHeaders(this.mvc.perform(get("/css/a;b.css")).andExpect(status().isBadRequest()));
		expectSecurityHeaders(this.mvc.perform(get(URI.create("http://localhost//evil.example/")))
			.andExpect(status().isBadRequest()));
	}

	static ResultActions expectSecurityHeaders(ResultActions response) throws Exception {
		return response.andExpect(header().string("Content-Security-Policy", POLICY))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	private Cookie logIn(String email) throws Exception {
		return DemoLogIn.session(this.mvc, email);
	}

}
