package id.otos.messaging.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Logging in as the tests do, in one place: the demo accounts' password (the
 * {@code otos.demo.password} of {@code application-test.properties}), a log-in through
 * the form that returns the session cookie, and the CSRF token of a page's form.
 */
public final class DemoLogIn {

	/** The demo accounts' password in tests. */
	public static final String PASSWORD = "demo-password";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private DemoLogIn() {
	}

	/**
	 * Logs the demo person in through the log-in form.
	 * @param mvc the application
	 * @param email whose account
	 * @return the session cookie
	 * @throws Exception when the request fails
	 */
	public static Cookie session(MockMvc mvc, String email) throws Exception {
		return session(mvc, email, PASSWORD);
	}

	/**
	 * Logs a person in through the log-in form, and checks that it worked.
	 * @param mvc the application
	 * @param email whose account
	 * @param password their password
	 * @return the session cookie
	 * @throws Exception when the request fails
	 */
	public static Cookie session(MockMvc mvc, String email, String password) throws Exception {
		Cookie session = mvc.perform(formLogin("/login").user(email).password(password))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the session of " + email + " after logging in").isNotNull();
		return session;
	}

	/**
	 * The CSRF token of the (first) form on a page.
	 * @param html the page
	 * @return the token
	 */
	public static String csrf(String html) {
		Matcher token = CSRF_FIELD.matcher(html);
		assertThat(token.find()).as("a CSRF field in the page").isTrue();
		return token.group(1);
	}

}
