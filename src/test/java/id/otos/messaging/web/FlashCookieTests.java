package id.otos.messaging.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.StatementCounting;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notice after a redirect ("Balasan terkirim.") travels in a cookie signed with the
 * session's id ({@link FlashCookie}): a reply writes nothing to its session, the notice
 * is shown once on the page it leads to, and a cookie of another session or an altered
 * one shows nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StatementCounting.class)
class FlashCookieTests {

	private static final String SENT = "Balasan terkirim.";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReplyWritesNothingToItsSessionAndItsNoticeIsShownOnceAfterTheRedirect() throws Exception {
		Cookie session = DemoLogIn.session(this.mvc, "siswa1@otos.test");
		long thread = openThread(session);
		long accessed = lastAccess(session);
		Thread.sleep(5);

		MockHttpServletResponse[] sent = new MockHttpServletResponse[1];
		long statements = StatementCounting.count(() -> sent[0] = reply(session, thread, "Terima kasih, Bu."));
		Cookie flash = sent[0].getCookie(FlashCookie.NAME);

		System.out.printf("SQL statements: a reply with a stored session %d%n", statements);
		assertThat(flash).as("the notice in its cookie").isNotNull();
		assertThat(flash.isHttpOnly()).isTrue();
		assertThat(flash.getMaxAge()).isBetween(1, 180);
		assertThat(lastAccess(session)).as("the stored session, untouched").isEqualTo(accessed);
		assertThat(flashAttributes(session)).isZero();
		assertThat(statements).as("session, thread locked, resubmission check, message, read position, thread")
			.isLessThanOrEqualTo(6);

		MockHttpServletResponse page = this.mvc.perform(get("/messages/thread/" + thread + "/").cookie(session, flash))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(SENT)))
			.andReturn()
			.getResponse();
		assertThat(page.getCookie(FlashCookie.NAME).getMaxAge()).as("the cookie, removed once shown").isZero();
		this.mvc.perform(get("/messages/thread/" + thread + "/").cookie(session))
			.andExpect(content().string(not(containsString(SENT))));
	}

	@Test
	void aNoticeCookieOfAnotherSessionOrAlteredShowsNothing() throws Exception {
		Cookie session = DemoLogIn.session(this.mvc, "siswa1@otos.test");
		long thread = openThread(session);
		Cookie flash = reply(session, thread, "Halo lagi").getCookie(FlashCookie.NAME);
		Cookie otherSession = DemoLogIn.session(this.mvc, "siswa1@otos.test");
		String value = flash.getValue();
		String altered = value.substring(0, 3) + ((value.charAt(3) == 'A') ? 'B' : 'A') + value.substring(4);

		for (Cookie[] cookies : new Cookie[][] { { otherSession, flash },
				{ session, new Cookie(FlashCookie.NAME, altered) }, { session, new Cookie(FlashCookie.NAME, "x.y") },
				{ session, new Cookie(FlashCookie.NAME, "%%%") } }) {
			this.mvc.perform(get("/messages/thread/" + thread + "/").cookie(cookies))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(SENT))));
		}
		this.mvc.perform(get("/messages/thread/" + thread + "/").cookie(session, flash))
			.andExpect(content().string(containsString(SENT)));
	}

	@Test
	void aTextTooLongForACookieIsKeptInTheSessionAndShownAsBefore() throws Exception {
		Cookie session = DemoLogIn.session(this.mvc, "siswa1@otos.test");
		long thread = openThread(session);
		String text = "Jawaban panjang ".repeat(300).strip();

		MockHttpServletResponse inserted = this.mvc
			.perform(post("/messages/thread/" + thread + "/").cookie(session)
				.with(csrf())
				.param("action", "reply")
				.param("insert_answer", "")
				.param("content", text)
				.param("submission_key", "long-1"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse();

		assertThat(inserted.getCookie(FlashCookie.NAME)).as("too long for a cookie").isNull();
		assertThat(flashAttributes(session)).isOne();
		this.mvc.perform(get("/messages/thread/" + thread + "/").cookie(session))
			.andExpect(content().string(containsString(text)));
		assertThat(flashAttributes(session)).as("gone once shown").isZero();
	}

	private long openThread(Cookie session) throws Exception {
		this.mvc
			.perform(post("/messages/create/").cookie(session)
				.with(csrf())
				.param("title", "Soal flash")
				.param("thread_type", "general")
				.param("priority", "normal")
				.param("content", "Halo"))
			.andExpect(status().isFound());
		return this.jdbc.sql("select max(id) from otosapp_messagethread").query(Long.class).single();
	}

	private MockHttpServletResponse reply(Cookie session, long thread, String text) throws Exception {
		return this.mvc
			.perform(post("/messages/thread/" + thread + "/").cookie(session)
				.with(csrf())
				.param("action", "reply")
				.param("content", text)
				.param("submission_key", text + System.nanoTime()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse();
	}

	private long lastAccess(Cookie session) {
		return this.jdbc.sql("select last_access_time from spring_session where session_id = :id")
			.param("id", sessionId(session))
			.query(Long.class)
			.single();
	}

	private long flashAttributes(Cookie session) {
		return this.jdbc
			.sql("""
					select count(*) from spring_session_attributes a join spring_session s on s.primary_id = a.session_primary_id
					where s.session_id = :id and a.attribute_name like '%FLASH_MAPS'
					""")
			.param("id", sessionId(session))
			.query(Long.class)
			.single();
	}

	private static String sessionId(Cookie session) {
		return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
	}

}
