package id.otos.messaging.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code ?lang=} chooses only a language the application has (Indonesian, English) and
 * only such a choice is remembered; anything else, in the parameter or in the cookie, is
 * ignored and the page is shown as if it were not there.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LanguageChoiceTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "id", "en" })
	void aLanguageOfTheApplicationIsChosenAndRemembered(String language) throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/login").param("lang", language))
			.andReturn()
			.getResponse();

		assertThat(page.getContentAsString()).contains("<html lang=\"" + language + "\">");
		assertThat(page.getCookie("otos_lang")).isNotNull().extracting(Cookie::getValue).isEqualTo(language);
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "de_XX", "de-XX", "en_US", "en-GB", "id_ID", "zh-Hant-TW", "x", "xx", "iw", "in",
			"und", "en_US_POSIX", "ja_JP_JP_#u-ca-japanese", " en", "en ", "", "-", "en/Asia/Jakarta" })
	void anyOtherLanguageIsNeitherShownNorRemembered(String language) throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/login").param("lang", language))
			.andReturn()
			.getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<html lang=\"id\">").contains("Kata sandi");
		assertThat(page.getCookie("otos_lang")).as("the language cookie").isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "de_XX", "en_US", "xx", "fr/Asia/Jakarta", "xx/Nowhere", "%", "-" })
	void aLanguageCookieOfAnotherLanguageIsIgnored(String cookie) throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/login").cookie(new Cookie("otos_lang", cookie)))
			.andReturn()
			.getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<html lang=\"id\">").contains("Kata sandi");
	}

	@Test
	void aLanguageCookieWithATimeZoneOfNoPlaceKeepsItsLanguage() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/login").cookie(new Cookie("otos_lang", "en/Nowhere")))
			.andReturn()
			.getResponse();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("<html lang=\"en\">");
	}

}
