package id.otos.messaging.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import id.otos.messaging.support.DatabaseSnapshot;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every request that may change something, found in the application's own request
 * mappings (so a new form cannot be forgotten), is refused without the form's CSRF token
 * or with a forged one, whoever sends it, with a page that says the form expired and
 * nothing was sent; and the refused requests change no row.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CsrfOnEveryChangeTests {

	private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserDetailsService users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Map<String, Long> ids;

	@BeforeEach
	void aThreadWithAMessage() {
		long student = id("select id from otosapp_user where email = 'siswa1@otos.test'");
		long teacher = id("select id from otosapp_user where email = 'guru1@otos.test'");
		long category = id("select id from otosapp_category where category_name = 'Matematika'");
		this.jdbc
			.sql("insert into otosapp_messagethread (title, thread_type, status, created_at, updated_at, "
					+ "last_activity, priority, category_id, student_id, teacher_or_admin_id, created_by_id, version) "
					+ "values ('Soal', 'academic', 'open', current_timestamp, current_timestamp, current_timestamp, "
					+ "'normal', ?, ?, ?, ?, 0)")
			.params(category, student, teacher, student)
			.update();
		long thread = id("select max(id) from otosapp_messagethread");
		this.jdbc
			.sql("insert into otosapp_message (thread_id, sender_id, content, is_read, is_edited, created_at, "
					+ "updated_at) values (?, ?, 'Bagaimana?', false, false, current_timestamp, current_timestamp)")
			.params(thread, student)
			.update();
		this.ids = Map.of("id", thread, "teacherId", teacher, "messageId", id("select max(id) from otosapp_message"));
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void everyChangingRequestNeedsTheFormsToken() throws Exception {
		List<Change> changes = changes();
		assertThat(changes).as("the changing requests found").hasSizeGreaterThanOrEqualTo(25);
		DatabaseSnapshot rows = DatabaseSnapshot.of(this.dataSource);
		DatabaseSnapshot.State before = rows.take();
		for (String email : List.of("siswa1@otos.test", "guru1@otos.test", "admin@otos.test")) {
			RequestPostProcessor who = user(this.users.loadUserByUsername(email));
			for (Change change : changes) {
				refused(change.request().get().with(who), change + " as " + email + " without a token");
				refused(change.request().get().with(who).with(csrf().useInvalidToken()),
						change + " as " + email + " with a forged token");
			}
		}
		assertThat(before.differenceTo(rows.take())).as("rows changed by the refused requests").isEmpty();
	}

	private void refused(MockHttpServletRequestBuilder request, String what) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(what).isEqualTo(403);
		assertThat(response.getForwardedUrl()).as(what + ": the expired-form page").isEqualTo("/error/expired-form");
	}

	@Test
	void theExpiredFormPageSaysNothingWasSentInTheUsersLanguage() throws Exception {
		RequestPostProcessor student = user(this.users.loadUserByUsername("siswa1@otos.test"));
		MockHttpServletResponse indonesian = this.mvc.perform(get("/error/expired-form").with(student))
			.andReturn()
			.getResponse();
		MockHttpServletResponse english = this.mvc.perform(get("/error/expired-form").param("lang", "en"))
			.andReturn()
			.getResponse();

		assertThat(indonesian.getStatus()).isEqualTo(english.getStatus()).isEqualTo(403);
		assertThat(indonesian.getContentAsString()).contains("<h1>Formulir sudah kedaluwarsa</h1>")
			.contains("kiriman Anda tidak diproses dan tidak ada yang berubah");
		assertThat(english.getContentAsString()).contains("<h1>This form has expired</h1>")
			.contains("it was not processed and nothing changed");
	}

	@Test
	void aRefusalThatIsNotAboutTheTokenKeepsTheAccessDeniedPage() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/admin/categories").param("name", "Biologi")
				.with(user(this.users.loadUserByUsername("siswa1@otos.test")))
				.with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getForwardedUrl()).isEqualTo("/error/403");
	}

	/**
	 * One request for each changing method of each mapping, its path variables filled
	 * with ids that exist and its required parameters (such as a thread page's
	 * {@code action}) set; and the log-in and log-out, which Spring Security answers
	 * itself.
	 */
	private List<Change> changes() {
		List<Change> changes = new ArrayList<>();
		for (RequestMappingInfo mapping : this.mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
			for (RequestMethod method : methods.isEmpty() ? CHANGING : methods) {
				if (!CHANGING.contains(method)) {
					continue;
				}
				String path = filled(mapping.getPathPatternsCondition().getFirstPattern().getPatternString());
				Map<String, String> parameters = new TreeMap<>();
				for (NameValueExpression<String> parameter : mapping.getParamsCondition().getExpressions()) {
					if (!parameter.isNegated()) {
						parameters.put(parameter.getName(),
								(parameter.getValue() != null) ? parameter.getValue() : "1");
					}
				}
				changes.add(new Change(method + " " + path + " " + parameters, () -> {
					MockHttpServletRequestBuilder request = request(method.asHttpMethod(), path);
					parameters.forEach(request::param);
					return request;
				}));
			}
		}
		changes.add(
				new Change("POST /login", () -> request(HttpMethod.POST, "/login").param("username", "siswa1@otos.test")
					.param("password", DemoLogIn.PASSWORD)));
		changes.add(new Change("POST /logout", () -> request(HttpMethod.POST, "/logout")));
		return changes;
	}

	private String filled(String pattern) {
		String path = pattern;
		for (Map.Entry<String, Long> id : this.ids.entrySet()) {
			path = path.replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
		}
		assertThat(path).as("every path variable filled").doesNotContain("{");
		return path;
	}

	private long id(String query) {
		return this.jdbc.sql(query).query(Long.class).single();
	}

	record Change(String name, Supplier<MockHttpServletRequestBuilder> request) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
