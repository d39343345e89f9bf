package id.otos.messaging.web;

import java.util.concurrent.atomic.AtomicInteger;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Log-in throttling through the real log-in form and user store: five failures lock an
 * account, twenty lock an address, for fifteen minutes (the defaults), counted the same
 * wherever a password is checked (the log-in form, the profile's password change, the
 * metrics scrape account). Each test uses accounts and a client address of its own, so
 * the counts of one never reach another.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LoginThrottlingTests {

	private static final String PASSWORD = "sandi-awal-123";

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveWrongPasswordsLockTheAccountEvenForTheRightOneAndSaySoInTheUsersLanguage() throws Exception {
		String email = person();
		String address = address();
		for (int i = 0; i < 5; i++) {
			logIn(email, "tebakan-" + i, address).andExpect(redirectedUrl("/login?error"));
		}

		logIn(email, PASSWORD, address).andExpect(redirectedUrl("/login?locked=15"));
		// from anywhere, in any case
		logIn(email.toUpperCase(), PASSWORD, address()).andExpect(redirectedUrl("/login?locked=15"));

		this.mvc.perform(get("/login?locked=15"))
			.andExpect(content().string(containsString(
					"id=\"login-locked\">Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit, lalu coba lagi.<")))
			.andExpect(content().string(not(containsString("id=\"login-error\""))));
		this.mvc.perform(get("/login?locked=15").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Too many failed log-in attempts. Wait 15 minutes")));
		this.mvc.perform(get("/login?locked=1&lang=en")).andExpect(content().string(containsString("Wait 1 minute,")));
	}

	@Test
	void anUnknownEmailIsLockedTheSameWay() throws Exception {
		String nobody = "tidak-ada" + counter.incrementAndGet() + "@otos.test";
		String address = address();
		for (int i = 0; i < 5; i++) {
			logIn(nobody, "tebakan-" + i, address).andExpect(redirectedUrl("/login?error"));
		}

		logIn(nobody, PASSWORD, address).andExpect(redirectedUrl("/login?locked=15"));
	}

	@Test
	void otherAccountsFromTheSameAddressLogInUntilTheAddressHasTwentyFailures() throws Exception {
		String guessed = person();
		String other = person();
		String address = address();
		for (int i = 0; i < 5; i++) {
			logIn(guessed, "tebakan-" + i, address).andExpect(redirectedUrl("/login?error"));
		}
		logIn(other, PASSWORD, address).andExpect(redirectedUrl("/"));

		for (int i = 0; i < 14; i++) {
			logIn("tebak" + i + "-" + counter.incrementAndGet() + "@otos.test", "x", address)
				.andExpect(redirectedUrl("/login?error"));
		}
		// 19 failures so far
		logIn(other, PASSWORD, address).andExpect(redirectedUrl("/"));
		logIn(other, "salah", address).andExpect(redirectedUrl("/login?error"));

		logIn(other, PASSWORD, address).andExpect(redirectedUrl("/login?locked=15"));
		// from another address
		logIn(other, PASSWORD, address()).andExpect(redirectedUrl("/"));
	}

	@Test
	void aLogInClearsTheAccountsFailures() throws Exception {
		String email = person();
		String address = address();
		for (int i = 0; i < 4; i++) {
			logIn(email, "tebakan-" + i, address).andExpect(redirectedUrl("/login?error"));
		}
		logIn(email, PASSWORD, address).andExpect(redirectedUrl("/"));

		for (int i = 0; i < 4; i++) {
			logIn(email, "tebakan-" + i, address).andExpect(redirectedUrl("/login?error"));
		}
		logIn(email, PASSWORD, address).andExpect(redirectedUrl("/"));
	}

	@Test
	void aMadeUpWaitShowsAtMostTheLocksLength() throws Exception {
		this.mvc.perform(get("/login?locked=99999")).andExpect(content().string(containsString("Tunggu 15 menit")));
		this.mvc.perform(get("/login?locked=abc")).andExpect(content().string(containsString("Tunggu 15 menit")));
	}

	@Test
	void wrongCurrentPasswordsOnTheProfileCountTowardsTheSameLock() throws Exception {
		String email = person();
		for (int i = 0; i < 4; i++) {
			changePassword(email, "tebakan-" + i, address()).andExpect(
					content().string(containsString("id=\"currentPassword-error\">Kata sandi saat ini salah.<")));
		}
		logIn(email, "tebakan-4", address()).andExpect(redirectedUrl("/login?error"));

		logIn(email, PASSWORD, address()).andExpect(redirectedUrl("/login?locked=15"));
	}

	@Test
	void whileLockedTheProfileRefusesAPasswordChangeWithoutCheckingThePassword() throws Exception {
		String email = person();
		String hash = passwordHash(email);
		for (int i = 0; i < 5; i++) {
			logIn(email, "tebakan-" + i, address()).andExpect(redirectedUrl("/login?error"));
		}

		changePassword(email, PASSWORD, address()).andExpect(content().string(containsString(
				"id=\"currentPassword-error\">Terlalu banyak percobaan kata sandi yang salah. Tunggu 15 menit, lalu coba lagi.<")));
		changePassword(email, PASSWORD, address(), "en").andExpect(
				content().string(containsString("Too many wrong password attempts. Wait 15 minutes, then try again.")));
		assertThat(passwordHash(email)).as("the password is unchanged").isEqualTo(hash);
	}

	@Test
	void wrongCurrentPasswordsFromOneAddressCountTowardsItsLock() throws Exception {
		String address = address();
		for (int i = 0; i < 20; i++) {
			changePassword(person(), "tebakan-" + i, address);
		}

		logIn(person(), PASSWORD, address).andExpect(redirectedUrl("/login?locked=15"));
	}

	/** The scrape account's HTTP Basic log-in is checked by the same throttle. */
	@Nested
	@TestPropertySource(properties = "otos.metrics.password=scrape-secret")
	class TheMetricsScrapeAccount {

		@Autowired
		MockMvc mvc;

		@Test
		void fiveWrongPasswordsLockItEvenForTheRightOne() throws Exception {
			scrape("scrape-secret", address()).andExpect(status().isOk());
			for (int i = 0; i < 5; i++) {
				scrape("tebakan-" + i, address()).andExpect(status().isUnauthorized());
			}

			scrape("scrape-secret", address()).andExpect(status().isUnauthorized());
		}

		private ResultActions scrape(String password, String address) throws Exception {
			return this.mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", password)).with((r) -> {
				r.setRemoteAddr(address);
				return r;
			}));
		}

	}

	private ResultActions changePassword(String email, String current, String address, String... language)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/profile/password").param("currentPassword", current)
			.param("newPassword", "sandi-baru-456")
			.param("confirmPassword", "sandi-baru-456")
			.with(user(this.users.loadUserByUsername(email)))
			.with(csrf())
			.with((r) -> {
				r.setRemoteAddr(address);
				return r;
			});
		if (language.length > 0) {
			request.param("lang", language[0]);
		}
		return this.mvc.perform(request);
	}

	private String passwordHash(String email) {
		return this.jdbc.sql("select password from otosapp_user where email = ?")
			.param(email)
			.query(String.class)
			.single();
	}

	private ResultActions logIn(String email, String password, String address) throws Exception {
		return this.mvc.perform(
				post("/login").param("username", email).param("password", password).with(csrf()).with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}));
	}

	private String person() {
		String email = "kunci" + counter.incrementAndGet() + "@otos.test";
		this.accounts.register(new NewAccount(email, email.substring(0, email.indexOf('@')), "Orang", "Uji", null,
				RoleName.STUDENT, PASSWORD));
		return email;
	}

	private static String address() {
		int n = counter.incrementAndGet();
		return "10.0." + (n / 250) + "." + (n % 250 + 1);
	}

}
