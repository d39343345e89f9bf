package id.otos.messaging.web;

import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.StatementCounting;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A logged-in request that changes nothing in its session reads the session and writes
 * nothing back (see {@link QuietSessionRepository}); {@code GET /api/me/} costs only what
 * every logged-in request costs.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StatementCounting.class)
class SessionWritesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void readingLeavesTheStoredSessionAsItWas() throws Exception {
		Cookie session = logIn("siswa1@otos.test");
		long accessedAtLogIn = lastAccess(session);
		Thread.sleep(5);

		long statements = StatementCounting.count(() -> this.mvc.perform(get("/api/me/").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("Student"))
			.andExpect(jsonPath("$.name").isNotEmpty()));

		System.out.printf("SQL statements: GET /api/me/ with a stored session %d%n", statements);
		assertThat(statements).as("the session, the account").isEqualTo(2);
		assertThat(lastAccess(session)).isEqualTo(accessedAtLogIn);
	}

	@Test
	void aSessionReadOnceIsKeptSoTheNextRequestsReadNothing() throws Exception {
		Cookie session = logIn("siswa1@otos.test");
		this.mvc.perform(get("/api/me/").cookie(session)).andExpect(status().isOk());

		long statements = StatementCounting.count(() -> this.mvc.perform(get("/api/me/").cookie(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("Student")));

		System.out.printf("SQL statements: GET /api/me/ with a kept session %d%n", statements);
		assertThat(statements).as("session and account both kept on this node").isZero();
	}

	@Test
	void aLoggedOutSessionIsNotAnsweredFromWhatWasKept() throws Exception {
		Cookie session = logIn("siswa1@otos.test");
		this.mvc.perform(get("/api/me/").cookie(session)).andExpect(status().isOk());
		String csrf = DemoLogIn
			.csrf(this.mvc.perform(get("/messages/").cookie(session)).andReturn().getResponse().getContentAsString());

		this.mvc.perform(post("/logout").cookie(session).param("_csrf", csrf)).andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/api/me/").cookie(session)).andExpect(status().isUnauthorized());
	}

	@ParameterizedTest
	@ValueSource(strings = { "siswa1@otos.test", "guru1@otos.test", "operator@otos.test" })
	void anInboxPageReadsItsSessionOnceAndCostsAtMostFourStatements(String email) throws Exception {
		Cookie session = logIn(email);
		this.mvc.perform(get("/messages/").cookie(session)).andExpect(status().isOk());

		long statements = StatementCounting
			.count(() -> this.mvc.perform(get("/messages/").cookie(session)).andExpect(status().isOk()));

		System.out.printf("SQL statements: inbox page of %s with a stored session %d%n", email, statements);
		assertThat(statements).as("session, account, (taught categories), the page with its total")
			.isLessThanOrEqualTo(4);
	}

	@Test
	void aSessionThatNobodyLoggedIntoGetsNoAnswerButA401() throws Exception {
		this.mvc.perform(get("/api/me/")).andExpect(status().isUnauthorized());
	}

	private Cookie logIn(String email) throws Exception {
		return DemoLogIn.session(this.mvc, email);
	}

	private long lastAccess(Cookie cookie) {
		String id = new String(java.util.Base64.getDecoder().decode(cookie.getValue()),
				java.nio.charset.StandardCharsets.UTF_8);
		return this.jdbc.sql("select last_access_time from spring_session where session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

}
