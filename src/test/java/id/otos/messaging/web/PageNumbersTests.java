package id.otos.messaging.web;

import java.util.List;

import id.otos.messaging.accounts.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every paged list (the inbox, its live rows, the admin's user list) answers any page
 * number with a page: past the last one the last, a number that is not one the first.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PageNumbersTests {

	private static final List<String> PAGES = List.of("2", "999999999", "107374182", "107374183", "2147483647",
			"2147483648", "-1", "-2147483648", "99999999999999999999", "1e9");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void everyListAnswersEveryPageNumberWithAPage() throws Exception {
		for (String list : List.of("/messages/", "/messages/rows/", "/admin/users")) {
			for (String page : PAGES) {
				MvcResult result = this.mvc.perform(get(list).param("page", page).with(user(admin()))).andReturn();
				assertThat(result.getResponse().getStatus())
					.as("%s?page=%s: %s", list, page, result.getResolvedException())
					.isEqualTo(200);
			}
		}
	}

	private CurrentUser admin() {
		return (CurrentUser) this.users.loadUserByUsername("admin@otos.test");
	}

}
