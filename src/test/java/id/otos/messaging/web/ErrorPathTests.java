package id.otos.messaging.web;

import java.util.List;

import id.otos.messaging.accounts.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /error} is where the server shows an error; asked for directly, it is a page
 * that does not exist (404), in the person's language, for any method and format.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ErrorPathTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void theErrorPathAskedForDirectlyIsNotFound() throws Exception {
		this.mvc.perform(get("/error").accept("text/html"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("<h1>Tidak ditemukan</h1>")));
		this.mvc.perform(get("/error").accept("text/html").header("Accept-Language", "en").with(user(student())))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("<h1>Not found</h1>")));
		for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
			this.mvc.perform(request(method, "/error").accept("text/html").with(user(student())).with(csrf()))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("<h1>Tidak ditemukan</h1>")));
		}
		this.mvc.perform(get("/error").accept("application/json").header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(
					content().json("{\"status\": 404, \"message\": \"The page you are looking for does not exist.\"}"));
	}

	private CurrentUser student() {
		return (CurrentUser) this.users.loadUserByUsername("siswa1@otos.test");
	}

}
