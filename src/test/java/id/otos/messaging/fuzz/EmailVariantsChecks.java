package id.otos.messaging.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One account, one lock, whatever the e-mail field carries (issue 11, part 2): the e-mail
 * in any case, with spaces, tabs, line breaks, NUL, zero-width and bidi characters, in
 * full-width or mathematical letters, finds the account and counts towards its one lock;
 * an e-mail with letters of another alphabet that look like its own is refused before any
 * password is checked and never logs in to the account. The named variants of the issue,
 * and variants generated from the harness's fixed seed. Each test uses accounts and
 * client addresses of its own. Run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest(properties = { "otos.messages.threads-per-hour=1000000",
		"logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=ERROR" })
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles("test")
abstract class EmailVariantsChecks {

	private static final String PASSWORD = "sandi-varian-123";

	private static final AtomicInteger counter = new AtomicInteger();

	/** How many accounts the generated variants are tried on. */
	private static final int GENERATED_ROUNDS = 25;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Test
	void everyNamedVariantOfAnEmailLogsInToItsAccount() throws Exception {
		String email = account();
		List<String> refused = new ArrayList<>();
		for (String variant : namedVariants(email)) {
			String answer = logIn(variant, PASSWORD);
			if (!"/".equals(answer)) {
				refused.add(Call.abbreviate(variant) + " -> " + answer);
			}
		}
		assertThat(refused).isEmpty();
	}

	@Test
	void failuresSpreadOverTheNamedVariantsLockThePlainEmail() throws Exception {
		int named = namedVariants("x@y").size();
		List<String> notLocked = new ArrayList<>();
		for (int from = 0; from < named; from += 5) {
			String email = account();
			List<String> used = new ArrayList<>(namedVariants(email).subList(from, Math.min(from + 5, named)));
			while (used.size() < 5) {
				used.add(email);
			}
			for (String variant : used) {
				assertThat(logIn(variant, "tebakan-salah")).as(Call.abbreviate(variant)).isEqualTo("/login?error");
			}
			String answer = logIn(email, PASSWORD);
			if (!"/login?locked=15".equals(answer)) {
				notLocked.add(used.stream().map(Call::abbreviate).toList() + " -> " + answer);
			}
		}
		assertThat(notLocked).isEmpty();
	}

	@Test
	void failuresSpreadOverGeneratedVariantsLockThePlainEmail() throws Exception {
		Hostile hostile = new Hostile(HostileInputChecks.SEED);
		List<String> problems = new ArrayList<>();
		for (int round = 0; round < GENERATED_ROUNDS; round++) {
			String email = account();
			String variant = hostile.sameLogIn(email);
			String loggedIn = logIn(variant, PASSWORD);
			if (!"/".equals(loggedIn)) {
				problems.add(Call.abbreviate(variant) + " with the password -> " + loggedIn);
			}
			List<String> guesses = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				guesses.add(hostile.sameLogIn(email));
				logIn(guesses.get(i), "tebakan-" + i);
			}
			String locked = logIn(email, PASSWORD);
			if (!"/login?locked=15".equals(locked)) {
				problems.add("after " + guesses.stream().map(Call::abbreviate).toList() + ": " + locked);
			}
		}
		System.out.printf("e-mail variants: %d generated variants over %d accounts, %d problems%n",
				GENERATED_ROUNDS * 6, GENERATED_ROUNDS, problems.size());
		assertThat(problems).isEmpty();
	}

	@Test
	void anEmailWithLettersOfAnotherAlphabetIsRefusedBeforeAnyPasswordAndNeverLogsIn() throws Exception {
		Hostile hostile = new Hostile(HostileInputChecks.SEED);
		String email = account();
		List<String> lookAlikes = new ArrayList<>(List.of(email.replaceFirst("a", "\u0430"),
				email.replace("o", "\u03BF"), email.replaceFirst("s", "\u0455").toUpperCase()));
		for (int i = 0; i < 12; i++) {
			lookAlikes.add(hostile.lookAlike(email));
		}
		for (String lookAlike : lookAlikes) {
			assertThat(logIn(lookAlike, PASSWORD)).as(Call.abbreviate(lookAlike))
				.isEqualTo("/login?error=mixed-scripts");
		}
		String page = this.mvc.perform(get("/login?error=mixed-scripts"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("huruf dari abjad lain").doesNotContain("Email atau kata sandi salah");
		String english = this.mvc.perform(get("/login?error=mixed-scripts&lang=en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("letters of another alphabet");
		assertThat(logIn(email, PASSWORD)).as("the refusals counted nothing against the account").isEqualTo("/");
	}

	private String logIn(String email, String password) throws Exception {
		String address = address();
		return this.mvc
			.perform(post("/login").param("username", email).param("password", password).with(csrf()).with((r) -> {
				r.setRemoteAddr(address);
				return r;
			}))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	/**
	 * The variants the issue names, of the e-mail given: case, spaces at the ends and
	 * inside, tab, CR/LF, NUL, zero-width space and joiner, byte order mark, soft hyphen,
	 * right-to-left override, full-width and mathematical bold letters, and other spaces.
	 */
	private static List<String> namedVariants(String email) {
		String fullWidth = email.chars()
			.map((c) -> Hostile.fullWidth((char) c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		String bold = email.chars()
			.map((c) -> Hostile.bold((char) c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		int at = email.indexOf('@');
		String local = (at > 0) ? email.substring(0, at) : email;
		String domain = (at > 0) ? email.substring(at) : "";
		return List.of(email.toUpperCase(), local.toUpperCase() + domain, "  " + email + " ", local + " " + domain,
				local.charAt(0) + " " + local.substring(1) + domain, "\t" + email + "\t", email + "\r\n",
				"\n" + local + "\r" + domain, local + "\u0000" + domain, "\u0000" + email, local + "\u200B" + domain,
				local.charAt(0) + "\u200D" + local.substring(1) + domain, "\uFEFF" + email, local + "\u00AD" + domain,
				"\u202E" + email + "\u202C", "\u200E" + email + "\u200F", "\u2066" + email + "\u2069", fullWidth, bold,
				local + "\u00A0" + domain, "\u3000" + email, email + "\u2028",
				local.toUpperCase() + "\u200B" + domain.replace(".", "\uFF0E"));
	}

	/** A new student account with an e-mail whose letters have look-alikes. */
	private String account() {
		String email = "varian" + counter.incrementAndGet() + "@otos.test";
		this.accounts.register(new NewAccount(email, email.substring(0, email.indexOf('@')), "Varian", "Uji", null,
				RoleName.STUDENT, PASSWORD));
		return email;
	}

	private static String address() {
		int n = counter.incrementAndGet();
		return "10.77." + (n / 250) + "." + (n % 250 + 1);
	}

}
