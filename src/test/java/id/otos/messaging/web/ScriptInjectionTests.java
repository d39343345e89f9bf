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
import org.springframework.mock.web.MockHttpServletResponse;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Markup and script typed into anything a person controls (a thread's title, a message, a
 * name, a file's name, a search) comes back as the text it was, escaped, on every page
 * that shows it, to its author and to everyone else: never as an element, an attribute or
 * a {@code javascript:} link.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ScriptInjectionTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

	static final String BROKEN_OUT = "\"><img src=x onerror=alert(1)>";

	static final String ESCAPED_BROKEN_OUT = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";

	static final String TITLE = "Soal " + SCRIPT + " " + BROKEN_OUT;

	static final String NAME = "Nakal " + SCRIPT + BROKEN_OUT;

	static final String CONTENT = """
			Tolong: %s
			%s
			[klik](javascript:alert(1)) javascript:alert(1)
			http://evil.example/"onmouseover="alert(1)
			https://evil.example/'><script>alert(2)</script>
			""".formatted(SCRIPT, BROKEN_OUT);

	static final String STUDENT = "nakal@otos.test";

	static final String TEACHER = "guru1@otos.test";

	static final String ADMIN = "admin@otos.test";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	long thread;

	long student;

	@BeforeEach
	void aStudentNamedWithScriptAsksWithScriptEverywhereAndTheTeacherAnswersInKind() throws Exception {
		this.mvc
			.perform(post("/admin/users/new").with(user(person(ADMIN)))
				.with(csrf())
				.param("email", STUDENT)
				.param("username", "nakal")
				.param("firstName", "Nakal " + BROKEN_OUT)
				.param("lastName", "javascript:alert(1)")
				.param("phoneNumber", "")
				.param("role", "STUDENT")
				.param("password", "sandi-awal-123"))
			.andExpect(redirectedUrl("/admin/users"));
		this.student = id("select id from otosapp_user where email = '" + STUDENT + "'");
		this.mvc
			.perform(post("/profile/details").with(user(person(STUDENT)))
				.with(csrf())
				.param("firstName", NAME)
				.param("lastName", "javascript:alert(1)")
				.param("phoneNumber", ""))
			.andExpect(status().isFound());
		MockMultipartFile file = new MockMultipartFile("attachment", BROKEN_OUT + ".png", "image/png",
				PictureSamples.png());
		this.mvc
			.perform(multipart("/messages/create/").file(file)
				.param("title", TITLE)
				.param("thread_type", "academic")
				.param("category",
						String.valueOf(id("select id from otosapp_category where category_name = 'Matematika'")))
				.param("priority", "normal")
				.param("content", CONTENT)
				.with(user(person(STUDENT)))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"));
		this.thread = id("select max(id) from otosapp_messagethread");
		this.mvc
			.perform(multipart("/messages/thread/" + this.thread + "/").param("action", "reply")
				.param("content", "Jawaban " + SCRIPT + " " + BROKEN_OUT)
				.with(user(person(TEACHER)))
				.with(csrf()))
			.andExpect(status().isFound());
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theThreadPageShowsTitleMessagesNamesAndFileNameAsText() throws Exception {
		for (String reader : new String[] { STUDENT, TEACHER, ADMIN }) {
			String html = inert(as(get("/messages/thread/" + this.thread + "/"), reader),
					"the thread page of " + reader);
			assertThat(html).contains("<title>Soal " + ESCAPED_SCRIPT + " " + ESCAPED_BROKEN_OUT + "</title>")
				.contains("id=\"thread-title\">Soal " + ESCAPED_SCRIPT + " " + ESCAPED_BROKEN_OUT + "<")
				.contains("Tolong: " + ESCAPED_SCRIPT + "<br>" + ESCAPED_BROKEN_OUT + "<br>")
				.contains("[klik](javascript:alert(1)) javascript:alert(1)")
				.contains("Jawaban " + ESCAPED_SCRIPT + " " + ESCAPED_BROKEN_OUT)
				.contains("onerror_alert(1)_.png")
				.contains("href=\"http://evil.example/\"")
				.contains("http://evil.example/</a>&quot;onmouseover=&quot;alert(1)")
				.contains("https://evil.example/</a>&#39;&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
			assertThat(html).as("the student's name").contains("Nakal " + ESCAPED_SCRIPT + ESCAPED_BROKEN_OUT);
		}
	}

	@Test
	void theLiveUpdatesFragmentsShowThemAsText() throws Exception {
		inert(as(get("/messages/thread/" + this.thread + "/messages").param("after", "0"), STUDENT),
				"the thread's new messages");
		assertThat(inert(as(get("/messages/rows/"), TEACHER), "the teacher's inbox rows")).contains(ESCAPED_SCRIPT);
	}

	@Test
	void theInboxesShowTitleNamesAndPreviewAsText() throws Exception {
		assertThat(inert(as(get("/messages/"), STUDENT), "the student's inbox")).contains("Soal " + ESCAPED_SCRIPT);
		assertThat(inert(as(get("/messages/"), TEACHER), "the teacher's inbox")).contains("Soal " + ESCAPED_SCRIPT)
			.contains("Nakal " + ESCAPED_SCRIPT + ESCAPED_BROKEN_OUT)
			.contains("Jawaban " + ESCAPED_SCRIPT);
	}

	@Test
	void namesShowAsTextOnTheProfileAndTheAdminPages() throws Exception {
		assertThat(inert(as(get("/profile"), STUDENT), "the student's profile"))
			.contains("value=\"Nakal " + ESCAPED_SCRIPT + ESCAPED_BROKEN_OUT + "\"");
		assertThat(inert(as(get("/admin/users"), ADMIN), "the users")).contains("Nakal " + ESCAPED_SCRIPT);
		assertThat(inert(as(get("/admin/users/" + this.student + "/edit"), ADMIN), "the student's page"))
			.contains("Nakal " + ESCAPED_SCRIPT);
	}

	@Test
	void aSearchIsShownBackAsText() throws Exception {
		assertThat(inert(as(get("/messages/").param("search", TITLE), TEACHER), "a search of the inbox"))
			.contains(ESCAPED_SCRIPT);
		assertThat(inert(as(get("/admin/users").param("search", TITLE), ADMIN), "a search of the users"))
			.contains(ESCAPED_SCRIPT);
	}

	@Test
	void theAttachmentKeepsItsOwnSandboxPolicyAndASafeName() throws Exception {
		long message = id("select min(id) from otosapp_message where thread_id = " + this.thread);
		MockHttpServletResponse response = this.mvc
			.perform(as(get("/messages/thread/" + this.thread + "/attachments/" + message + "/"), TEACHER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeaders("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
		assertThat(response.getHeader("Content-Disposition")).doesNotContain("<", ">", "\"><");
	}

	private String inert(MockHttpServletRequestBuilder request, String page) throws Exception {
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).as(page).doesNotContain(SCRIPT, "<img src=x", "<img src=\"x\"", "alert(2)</script>");
		assertThat(html).as(page).doesNotContainPattern("(?i)(href|src|action)\\s*=\\s*[\"']?\\s*javascript:");
		assertThat(InlineCode.in(html)).as("what would run on " + page).isEmpty();
		return html;
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
