package id.otos.messaging.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import id.otos.messaging.accounts.AccountException;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DjangoFixture;
import id.otos.messaging.support.DjangoFixture.Verdict;
import id.otos.messaging.support.DjangoSigning;
import id.otos.messaging.support.StatementCounting;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Beside Django, a request is logged in exactly when Django itself would take its session
 * cookie for a log-in: the fixture's five real sessions as Django judged them, and every
 * way a session stops being one (log-out, expiry, a new password, deactivation, a deleted
 * or unverified account, tampering, another secret, garbage, oversized values), each at
 * the next request. On the database the application migrates, with Django's
 * {@code django_session} table and the fixture's users put in ({@link DjangoFixture}).
 */
@SpringBootTest(properties = { "otos.demo.enabled=false", "otos.django.login-url=/login/" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StatementCounting.class)
abstract class DjangoLogInChecks {

	/** Django's secret before it was rotated: sessions it signed are still accepted. */
	static final String EARLIER_SECRET = "the-secret-key-otos-had-before-it-was-rotated-0123456789";

	static final String COOKIE = "sessionid";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Accounts accounts;

	@Autowired
	FilterChainProxy security;

	DjangoFixture fixture;

	@DynamicPropertySource
	static void django(DynamicPropertyRegistry registry) {
		registry.add("otos.django.secret-key", () -> DjangoFixture.load().secretKey());
		registry.add("otos.django.secret-key-fallbacks", () -> EARLIER_SECRET);
	}

	@BeforeAll
	static void theFixtureIsThere() {
		DjangoFixture.load();
	}

	@BeforeEach
	void djangosDatabase() {
		this.fixture = DjangoFixture.load();
		this.fixture.reset(this.jdbc);
	}

	@Test
	void everySecurityFilterChainTakesItsLogInFromDjangoAndNoneHasALogInForm() {
		assertThat(this.security.getFilterChains()).isNotEmpty().allSatisfy((chain) -> {
			assertThat(chain.getFilters()).hasAtLeastOneElementOfType(DjangoSessionFilter.class);
			assertThat(chain.getFilters()).doesNotHaveAnyElementsOfTypes(AccountSessionFilter.class,
					UsernamePasswordAuthenticationFilter.class);
		});
	}

	@Test
	void everyFixtureSessionIsALogInExactlyWhenDjangoTookItForOne() throws Exception {
		assertThat(this.fixture.verdicts()).anyMatch(Verdict::loggedIn).anyMatch((verdict) -> !verdict.loggedIn());
		for (Verdict verdict : this.fixture.verdicts()) {
			Cookie cookie = new Cookie(COOKIE, verdict.sessionKey());
			if (verdict.loggedIn()) {
				long id = this.fixture.user(verdict.loggedInAs().get()).id();
				this.mvc.perform(get("/api/me/").cookie(cookie))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.id").value(id));
				this.mvc.perform(get("/api/messages/unread-count/").cookie(cookie))
					.andExpect(status().isOk())
					.andExpect(jsonPath("$.unread_count").isNumber());
				this.mvc.perform(get("/messages/").cookie(cookie)).andExpect(status().isOk());
			}
			else {
				expectNotLoggedIn(cookie);
			}
		}
	}

	@Test
	void withoutALogInAPageGoesToDjangosLogInPageAndComesBackAfterIt() throws Exception {
		this.mvc.perform(get("/messages/")).andExpect(redirectedUrl("/login/?next=/messages/"));
		this.mvc.perform(get(URI.create("/messages/thread/5/?lang=en&x=a%20b")))
			.andExpect(redirectedUrl("/login/?next=/messages/thread/5/%3Flang%3Den%26x%3Da%2520b"));
		this.mvc.perform(post("/messages/create/").with(csrf()))
			.andExpect(redirectedUrl("/login/?next=/messages/create/"));
		this.mvc.perform(get("/login")).andExpect(redirectedUrl("/login/?next=/messages/"));
		this.mvc.perform(get("/api/messages/unread-count/"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("unauthenticated"));
		this.mvc.perform(get("/messages/events/")).andExpect(status().isUnauthorized());
	}

	@Test
	void theApplicationsOwnLogInFormIsNotOffered() throws Exception {
		DjangoFixture.User student = this.fixture.user(this.fixture.loggedInSession().userId());

		MockHttpServletResponse response = this.mvc
			.perform(post("/login").param("username", student.email())
				.param("password", this.fixture.password())
				.with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isNotIn(200, 302);
		Cookie session = response.getCookie("SESSION");
		if (session != null) {
			this.mvc.perform(get("/api/me/").cookie(session)).andExpect(status().isUnauthorized());
		}
		assertThat(passwordOf(student.id())).as("no hash upgraded").isEqualTo(student.password());
	}

	@Test
	void tamperingWithASessionRowEndsItsLogIn() throws Exception {
		Verdict valid = this.fixture.loggedInSession();
		String data = this.fixture.session(valid.sessionKey()).data();
		int timestamp = data.indexOf(':');
		int signature = data.lastIndexOf(':');
		for (int at : new int[] { 3, timestamp + 1, signature + 2 }) {
			setSessionData(valid.sessionKey(), changed(data, at));
			expectNotLoggedIn(new Cookie(COOKIE, valid.sessionKey()));
		}
		setSessionData(valid.sessionKey(), data);
		expectLoggedInAs(valid.sessionKey(), valid.userId());
	}

	@Test
	void aSessionSignedWithAnotherSecretIsNotALogIn() throws Exception {
		DjangoFixture.User user = this.fixture.user(this.fixture.loggedInSession().userId());
		String key = newSession(
				DjangoSigning.logIn(user.id(), user.password(), "not-the-secret-of-this-otos-0123456789"));

		expectNotLoggedIn(new Cookie(COOKIE, key));
	}

	@Test
	void aSessionSignedWithAFallbackSecretIsALogIn() throws Exception {
		DjangoFixture.User user = this.fixture.user(this.fixture.loggedInSession().userId());
		String key = newSession(DjangoSigning.logIn(user.id(), user.password(), EARLIER_SECRET));

		expectLoggedInAs(key, user.id());
	}

	@Test
	void aCookieThatIsNoDjangoSessionKeyIsRefusedBeforeAnyQuery() throws Exception {
		Verdict valid = this.fixture.loggedInSession();
		long withoutCookie = StatementCounting
			.count(() -> this.mvc.perform(get("/api/me/")).andExpect(status().isUnauthorized()));
		for (String value : List.of("a".repeat(4000), valid.sessionKey().toUpperCase(), valid.sessionKey() + "0",
				valid.sessionKey().substring(1), valid.sessionKey().substring(1) + "-", "")) {
			long statements = StatementCounting
				.count(() -> this.mvc.perform(get("/api/me/").cookie(new Cookie(COOKIE, value)))
					.andExpect(status().isUnauthorized()));
			assertThat(statements).as("statements for the cookie %s, more than without it", value)
				.isEqualTo(withoutCookie);
		}
		String unknown = DjangoSigning.newSessionKey();
		long looked = StatementCounting
			.count(() -> this.mvc.perform(get("/api/me/").cookie(new Cookie(COOKIE, unknown)))
				.andExpect(status().isUnauthorized()));
		assertThat(looked).as("a well-formed key is looked up").isGreaterThan(withoutCookie);
	}

	@Test
	void aSessionRowWithGarbageIsNotALogInNorAnError() throws Exception {
		DjangoFixture.User user = this.fixture.user(this.fixture.loggedInSession().userId());
		String secret = this.fixture.secretKey();
		for (String garbage : List.of("", "garbage", "a:b:c", "\u00e9:\u00fc:\u00df", "x".repeat(2_000_000),
				DjangoSigning.signPayload("not base64!", secret), DjangoSigning.signPayload(".bm90IHpsaWI", secret),
				DjangoSigning.signJson("[1, 2, 3]", secret),
				DjangoSigning.signJson("{\"_auth_user_id\": \"" + user.id()
						+ "\", \"_auth_user_backend\": \"django.contrib.auth.backends.ModelBackend\"}", secret),
				DjangoSigning.signJson(
						DjangoSigning.logInJson(user.id(), user.password(), secret)
							.replace("django.contrib.auth.backends.ModelBackend", "otos.backends.SomethingElse"),
						secret))) {
			expectNotLoggedIn(new Cookie(COOKIE, newSession(garbage)));
		}
	}

	@Test
	void aSessionOfADeletedUserIsNotALogIn() throws Exception {
		long id = newUser("dihapus@otos.example", true, true);
		String key = newSession(DjangoSigning.logIn(id, passwordOf(id), this.fixture.secretKey()));
		expectLoggedInAs(key, id);

		this.jdbc.sql("delete from otosapp_user where id = :id").param("id", id).update();

		expectNotLoggedIn(new Cookie(COOKIE, key));
	}

	@Test
	void deactivationInDjangoEndsTheLogInAtTheNextRequest() throws Exception {
		Verdict valid = this.fixture.loggedInSession();
		expectLoggedInAs(valid.sessionKey(), valid.userId());

		this.jdbc.sql("update otosapp_user set is_active = false where id = :id").param("id", valid.userId()).update();

		expectNotLoggedIn(new Cookie(COOKIE, valid.sessionKey()));
	}

	@Test
	void anAccountWhoseEmailIsNotVerifiedIsNotLoggedIn() throws Exception {
		DjangoFixture.User unverified = this.fixture.users()
			.stream()
			.filter((user) -> user.verified() == null)
			.findFirst()
			.orElseThrow();
		String fixtureKey = newSession(
				DjangoSigning.logIn(unverified.id(), unverified.password(), this.fixture.secretKey()));
		expectNotLoggedIn(new Cookie(COOKIE, fixtureKey));

		long id = newUser("belum-verifikasi@otos.example", true, false);
		String key = newSession(DjangoSigning.logIn(id, passwordOf(id), this.fixture.secretKey()));
		expectNotLoggedIn(new Cookie(COOKIE, key));

		this.jdbc.sql("update otosapp_user set email_verified_at = :now where id = :id")
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.param("id", id)
			.update();
		expectLoggedInAs(key, id);
	}

	@Test
	void aNewPasswordSetInDjangoEndsTheLogIn() throws Exception {
		Verdict valid = this.fixture.loggedInSession();
		expectLoggedInAs(valid.sessionKey(), valid.userId());

		this.jdbc.sql("update otosapp_user set password = :password where id = :id")
			.param("password", this.fixture.user(valid.userId() == 1 ? 2 : 1).password())
			.param("id", valid.userId())
			.update();

		expectNotLoggedIn(new Cookie(COOKIE, valid.sessionKey()));
	}

	@Test
	void anExpiredSessionIsNotALogIn() throws Exception {
		Verdict valid = this.fixture.loggedInSession();

		this.jdbc.sql("update django_session set expire_date = :past where session_key = :key")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
			.param("key", valid.sessionKey())
			.update();

		expectNotLoggedIn(new Cookie(COOKIE, valid.sessionKey()));
	}

	@Test
	void logOutHereEndsTheDjangoSession() throws Exception {
		Verdict valid = this.fixture.loggedInSession();
		Cookie django = new Cookie(COOKIE, valid.sessionKey());
		Page page = page(django);

		MockHttpServletResponse response = this.mvc
			.perform(post("/messages/logout/").cookie(django, page.session()).param("_csrf", page.csrfToken()))
			.andExpect(redirectedUrl("/login/"))
			.andReturn()
			.getResponse();

		assertThat(sessionRows(valid.sessionKey())).isZero();
		assertThat(response.getHeaders("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith(COOKIE + "=;").contains("Path=/").contains("Max-Age=0"));
		expectNotLoggedIn(django);
	}

	@Test
	void logOutNeedsTheFormsTokenAndChangesNothingWithoutIt() throws Exception {
		Verdict valid = this.fixture.loggedInSession();

		this.mvc.perform(post("/messages/logout/").cookie(new Cookie(COOKIE, valid.sessionKey())))
			.andExpect(status().isForbidden());

		assertThat(sessionRows(valid.sessionKey())).isOne();
		expectLoggedInAs(valid.sessionKey(), valid.userId());
	}

	@Test
	void thisApplicationsSessionBelongsToTheDjangoSessionItWasMadeUnder() throws Exception {
		Verdict first = this.fixture.loggedInSession();
		Verdict second = this.fixture.verdicts()
			.stream()
			.filter((verdict) -> verdict.loggedIn() && verdict.userId() != first.userId())
			.findFirst()
			.orElseThrow();
		Page page = page(new Cookie(COOKIE, first.sessionKey()));

		this.mvc
			.perform(post("/messages/logout/").cookie(new Cookie(COOKIE, second.sessionKey()), page.session())
				.param("_csrf", page.csrfToken()))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/error/expired-form"));
		this.mvc
			.perform(post("/messages/logout/").cookie(new Cookie(COOKIE, first.sessionKey()), page.session())
				.param("_csrf", page.csrfToken()))
			.andExpect(status().isForbidden());

		assertThat(sessionRows(first.sessionKey()) + sessionRows(second.sessionKey())).isEqualTo(2);
		Page again = page(new Cookie(COOKIE, first.sessionKey()));
		this.mvc
			.perform(post("/messages/logout/").cookie(new Cookie(COOKIE, first.sessionKey()), again.session())
				.param("_csrf", again.csrfToken()))
			.andExpect(redirectedUrl("/login/"));
		assertThat(sessionRows(first.sessionKey())).isZero();
	}

	@Test
	void neitherAPollOfTheUnreadCountNorAVisitWithoutALogInMakesASessionHere() throws Exception {
		Cookie django = new Cookie(COOKIE, this.fixture.loggedInSession().sessionKey());
		long sessions = this.jdbc.sql("select count(*) from spring_session").query(Long.class).single();

		MockHttpServletResponse poll = this.mvc.perform(get("/api/messages/unread-count/").cookie(django))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		MockHttpServletResponse anonymous = this.mvc.perform(get("/messages/thread/1/"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse();

		assertThat(poll.getCookie("SESSION")).isNull();
		assertThat(anonymous.getCookie("SESSION")).isNull();
		assertThat(this.jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isEqualTo(sessions);
	}

	@Test
	void aVisitorIsLoggedInWithAnEmptyDeskAndOpensNoThread() throws Exception {
		DjangoFixture.User visitor = this.fixture.users()
			.stream()
			.filter((user) -> "Visitor".equals(user.role()))
			.findFirst()
			.orElseThrow();
		String key = newSession(DjangoSigning.logIn(visitor.id(), visitor.password(), this.fixture.secretKey()));
		Cookie cookie = new Cookie(COOKIE, key);

		expectLoggedInAs(key, visitor.id());
		this.mvc.perform(get("/messages/").cookie(cookie)).andExpect(status().isOk());
		this.mvc.perform(get("/api/messages/unread-count/").cookie(cookie))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unread_count").value(0));
		this.mvc.perform(get("/messages/create/").cookie(cookie)).andExpect(status().isForbidden());
	}

	@Test
	void besideDjangoAccountsAreChangedInOtosOnlyAndNoPasswordChangesHere() throws Exception {
		DjangoFixture.User user = this.fixture.user(this.fixture.loggedInSession().userId());
		assertThat(this.passwordEncoder.matches(this.fixture.password(), user.password())).isTrue();
		String before = passwordOf(user.id());

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.changePassword(user.id(), this.fixture.password(), "Sandi-Baru-otos-1",
					"127.0.0.1"))
			.withMessage("account.error.managed-in-otos");

		assertThat(passwordOf(user.id())).isEqualTo(before);
		expectLoggedInAs(this.fixture.loggedInSession().sessionKey(), user.id());
	}

	void expectLoggedInAs(String sessionKey, long userId) throws Exception {
		this.mvc.perform(get("/api/me/").cookie(new Cookie(COOKIE, sessionKey)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(userId));
	}

	void expectNotLoggedIn(Cookie cookie) throws Exception {
		this.mvc.perform(get("/api/me/").cookie(cookie)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/messages/unread-count/").cookie(cookie))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value("unauthenticated"));
		this.mvc.perform(get("/messages/").cookie(cookie)).andExpect(redirectedUrl("/login/?next=/messages/"));
		this.mvc.perform(get("/messages/events/").cookie(cookie)).andExpect(status().isUnauthorized());
	}

	/**
	 * A page with its CSRF token and this application's session, as a browser has them.
	 */
	Page page(Cookie django) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/messages/").cookie(django))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String token = DemoLogIn.csrf(response.getContentAsString());
		Cookie session = response.getCookie("SESSION");
		assertThat(session).as("the token is kept in this application's session").isNotNull();
		return new Page(token, session);
	}

	String newSession(String data) {
		String key = DjangoSigning.newSessionKey();
		DjangoFixture.insertSession(this.jdbc, key, data, OffsetDateTime.now(ZoneOffset.UTC).plusDays(14));
		return key;
	}

	/** A user as Django's registration leaves them, with the fixture's password. */
	long newUser(String email, boolean active, boolean verified) {
		this.jdbc.sql("""
				insert into otosapp_user (password, is_superuser, username, first_name, last_name, is_staff, is_active,
				date_joined, email, role_id, profile_picture, email_verified_at, updated_at)
				values (:password, false, :email, 'Uji', 'Coba', false, :active, :now, :email,
				(select id from otosapp_role where role_name = 'Student'), '', :verified, :now)
				""")
			.param("password", this.fixture.user(this.fixture.loggedInSession().userId()).password())
			.param("email", email)
			.param("active", active)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.param("verified", verified ? OffsetDateTime.now(ZoneOffset.UTC) : null)
			.update();
		return this.jdbc.sql("select id from otosapp_user where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	String passwordOf(long id) {
		return this.jdbc.sql("select password from otosapp_user where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	long sessionRows(String key) {
		return this.jdbc.sql("select count(*) from django_session where session_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	void setSessionData(String key, String data) {
		this.jdbc.sql("update django_session set session_data = :data where session_key = :key")
			.param("data", data)
			.param("key", key)
			.update();
	}

	/** The text with one character replaced by another of the same base64 alphabet. */
	static String changed(String text, int at) {
		char replacement = (text.charAt(at) == 'A') ? 'B' : 'A';
		return text.substring(0, at) + replacement + text.substring(at + 1);
	}

	record Page(String csrfToken, Cookie session) {

	}

}
