package id.otos.messaging.notifications.web;

import java.util.Locale;

import id.otos.messaging.notifications.DigestChoice;
import id.otos.messaging.notifications.NotificationSettings;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The e-mail section of the profile page, against the whole application: digests are on
 * until a person turns them off, in the language they pick.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationSettingsWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	NotificationSettings settings;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theProfileShowsDigestsOnByDefaultInIndonesian() throws Exception {
		this.mvc.perform(get("/profile").cookie(logIn("siswa1@otos.test")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"notification-form\"")))
			.andExpect(content().string(containsString("Kirimi saya ringkasan e-mail")))
			.andExpect(content().string(containsString("Paling banyak satu e-mail setiap 10 menit")))
			.andExpect(content().string(containsString("value=\"true\" checked=\"checked\"")))
			.andExpect(content().string(containsString("id=\"save-notifications\"")));
	}

	@Test
	void aPersonTurnsDigestsOffAndPicksEnglish() throws Exception {
		Cookie session = logIn("siswa1@otos.test");

		this.mvc.perform(post("/profile/notifications").cookie(session).with(csrf()).param("email-language", "en"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/profile"))
			.andExpect(flash().attribute("flashSuccess", "notifications.saved"));

		assertThat(this.settings.choiceOf(idOf("siswa1@otos.test"))).isEqualTo(new DigestChoice(false, Locale.ENGLISH));
		this.mvc.perform(get("/profile").param("lang", "en").cookie(session))
			.andExpect(content().string(containsString("Send me an e-mail digest")))
			.andExpect(content().string(not(containsString("checked=\"checked\""))))
			.andExpect(content().string(containsString("<option value=\"en\" selected=\"selected\">")));
	}

	@Test
	void aPersonTurnsDigestsBackOn() throws Exception {
		Cookie session = logIn("siswa2@otos.test");
		this.settings.choose(idOf("siswa2@otos.test"), new DigestChoice(false, Locale.ENGLISH));

		this.mvc
			.perform(post("/profile/notifications").cookie(session)
				.with(csrf())
				.param("email-digest", "true")
				.param("email-language", "id"))
			.andExpect(redirectedUrl("/profile"));

		assertThat(this.settings.choiceOf(idOf("siswa2@otos.test")).emailDigest()).isTrue();
	}

	@Test
	void savingNeedsTheFormsCsrfToken() throws Exception {
		this.mvc.perform(post("/profile/notifications").cookie(logIn("siswa1@otos.test")))
			.andExpect(status().isForbidden());
		assertThat(this.settings.choiceOf(idOf("siswa1@otos.test")).emailDigest()).isTrue();
	}

	private long idOf(String email) {
		return this.jdbc.sql("select id from otosapp_user where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private Cookie logIn(String email) throws Exception {
		return DemoLogIn.session(this.mvc, email);
	}

}
