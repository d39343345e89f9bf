package id.otos.messaging.web;

import java.sql.SQLTransientConnectionException;

import id.otos.messaging.accounts.AccountFixtures;
import id.otos.messaging.accounts.RoleName;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 503 page needs nothing from the database, even when the page that failed had
 * already put the person and their unread count (which asks the database) on the request
 * before the database went away in the middle of rendering it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DatabaseUnavailablePageTests {

	@Autowired
	@Qualifier("databaseUnavailableFilter")
	FilterRegistrationBean<? extends Filter> registration;

	@Test
	void aPageThatFailedWhileRenderingIsAnsweredWithThe503PageWithoutAskingTheDatabaseAgain() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/messages/thread/1/");
		request.addParameter("lang", "en");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.registration.getFilter().doFilter(request, response, (failing, ignored) -> {
			failing.setAttribute("me", AccountFixtures.loggedIn(5, RoleName.STUDENT));
			failing.setAttribute("unread", new UnreadBadge(() -> {
				throw databaseAway();
			}));
			throw databaseAway();
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("id=\"unavailable\"")
			.contains("lang=\"en\"")
			.doesNotContain("id=\"logout\"");
	}

	private static CannotGetJdbcConnectionException databaseAway() {
		return new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"));
	}

}
