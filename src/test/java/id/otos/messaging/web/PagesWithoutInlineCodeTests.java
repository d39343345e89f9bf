package id.otos.messaging.web;

import id.otos.messaging.accounts.PictureSamples;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages as each person sees them have nothing the Content-Security-Policy would
 * block: no script but the application's script files, no style element or attribute, no
 * event handler attribute. The fragments that the live updates insert into an open page
 * are checked too.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PagesWithoutInlineCodeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	long thread;

	@BeforeEach
	void aStudentAsksAboutMathematicsWithAPictureAndTheTeacherAnswers() throws Exception {
		MockMultipartFile picture = new MockMultipartFile("attachment", "grafik.png", "image/png",
				PictureSamples.png());
		this.mvc
			.perform(multipart("/messages/create/").file(picture)
				.param("title", "Soal integral")
				.param("thread_type", "academic")
				.param("category",
						String.valueOf(id("select id from otosapp_category where category_name = 'Matematika'")))
				.param("priority", "normal")
				.param("content", "Bagaimana menghitung https://example.org/soal?no=1 ini?\nBaris kedua.")
				.with(user(person("siswa1@otos.test")))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"));
		this.thread = id("select max(id) from otosapp_messagethread");
		this.mvc.perform(multipart("/messages/thread/" + this.thread + "/").param("action", "reply")
			.param("content", "Pakai substitusi.")
			.with(user(person("guru1@otos.test")))
			.with(csrf()));
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theLogInPagesHaveNoInlineCode() throws Exception {
		check(get("/login"), "the log-in page");
		check(get("/login").param("error", ""), "the log-in page after a wrong password");
		check(get("/login").param("logout", ""), "the log-in page after log-out");
	}

	@Test
	void aStudentsPagesHaveNoInlineCode() throws Exception {
		String student = "siswa1@otos.test";
		check(as(get("/messages/"), student), "the student's inbox");
		check(as(get("/messages/create/"), student), "the new-thread form");
		check(as(get("/messages/thread/" + this.thread + "/"), student), "the thread page");
		check(as(get("/profile"), student), "the profile page");
		check(as(get("/error/403"), student), "the 403 page", 403);
	}

	@Test
	void theFragmentsThatLiveUpdatesInsertHaveNoInlineCode() throws Exception {
		String student = "siswa1@otos.test";
		checkFragment(as(get("/messages/rows/"), student), "the inbox rows", "id=\"inbox-list\"");
		checkFragment(as(get("/messages/thread/" + this.thread + "/messages").param("after", "0"), student),
				"the thread's new messages", "id=\"new-messages\"");
	}

	@Test
	void aTeachersPagesHaveNoInlineCode() throws Exception {
		String teacher = "guru1@otos.test";
		check(as(get("/messages/"), teacher), "the teacher's inbox");
		check(as(get("/messages/thread/" + this.thread + "/"), teacher), "the thread page of its teacher");
		check(as(get("/profile"), teacher), "the teacher's profile page");
	}

	@Test
	void anOperatorsPagesHaveNoInlineCode() throws Exception {
		String operator = "operator@otos.test";
		check(as(get("/messages/"), operator), "the operator's inbox");
		check(as(get("/messages/broadcast/"), operator), "the broadcast form");
		check(as(get("/messages/broadcasts/"), operator), "the sent broadcasts");
		check(as(get("/profile"), operator), "the operator's profile page");
	}

	@Test
	void anAdminsPagesHaveNoInlineCode() throws Exception {
		String admin = "admin@otos.test";
		long category = id("select id from otosapp_category where category_name = 'Matematika'");
		long student = id("select id from otosapp_user where email = 'siswa1@otos.test'");
		check(as(get("/messages/"), admin), "the admin's inbox");
		check(as(get("/messages/thread/" + this.thread + "/"), admin), "the thread page with its audit");
		check(as(get("/admin/users"), admin), "the users");
		check(as(get("/admin/users/new"), admin), "the new-user form");
		check(as(get("/admin/users/" + student + "/edit"), admin), "a user's page");
		check(as(get("/admin/categories"), admin), "the categories");
		check(as(get("/admin/categories/" + category), admin), "a category's page");
		check(as(get("/admin/categories/987654"), admin), "the 404 page of a category", 404);
		check(as(get("/profile"), admin), "the admin's profile page");
	}

	private void check(MockHttpServletRequestBuilder request, String page) throws Exception {
		check(request, page, 200);
	}

	private void check(MockHttpServletRequestBuilder request, String page, int status) throws Exception {
		String html = this.mvc.perform(request)
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).as(page + " is a page").contains("<html");
		InlineCode.assertNoneIn(html, page);
	}

	private void checkFragment(MockHttpServletRequestBuilder request, String fragment, String element)
			throws Exception {
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).as(fragment).contains(element);
		InlineCode.assertNoneIn(html, fragment);
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String email) {
		return request.with(user(person(email)));
	}

	private UserDetails person(String email) {
		return this.users.loadUserByUsername(email);
	}

	private long id(String query) {
		return this.jdbc.sql(query).query(Long.class).single();
	}

}
