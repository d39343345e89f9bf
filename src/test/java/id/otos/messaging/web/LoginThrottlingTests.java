package id.otos.messaging.web;

import java.util.concurrent.atomic.AtomicInteger;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Log-in throttling through the real log-in form and user store: five failures lock an
 * account, twenty lock an address, for fifteen minutes (the defaults). Each test uses
 * accounts and a client address of its own, so the counts of one never reach another.
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
