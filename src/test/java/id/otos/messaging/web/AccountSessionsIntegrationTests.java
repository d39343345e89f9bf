package id.otos.messaging.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.PictureSamples;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoLogIn;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Logged-in sessions against the whole application and its database: they follow their
 * account from one request to the next. Each test uses people of its own, so the demo
 * data stays as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountSessionsIntegrationTests {

	private static final String PASSWORD = "sandi-awal-123";

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FilterChainProxy security;

	@Test
	void everySecurityFilterChainChecksSessionsAgainstTheirAccount() {
		assertThat(this.security.getFilterChains()).isNotEmpty()
			.allSatisfy(
					(chain) -> assertThat(chain.getFilters()).hasAtLeastOneElementOfType(AccountSessionFilter.class));
	}

	@Test
	void aDeactivatedPersonCannotLogIn() throws Exception {
		String email = person(RoleName.STUDENT);
		deactivate(email);

		this.mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void deactivatingSomeoneEndsTheSessionTheyHaveOpen() throws Exception {
		String email = person(RoleName.STUDENT);
		Cookie session = logIn(email, PASSWORD);
		this.mvc.perform(get("/profile").cookie(session)).andExpect(status().isOk());

		deactivate(email);

		this.mvc.perform(get("/profile").cookie(session))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
				new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.US_ASCII)))
			.as("the ended session is gone from the session store")
			.isZero();
	}

	@Test
	void aNewRoleAppliesWithoutLoggingInAgain() throws Exception {
		String email = person(RoleName.STUDENT);
		Cookie session = logIn(email, PASSWORD);
		this.mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isForbidden());

		changeRole(email, RoleName.ADMIN);
		this.mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isOk());

		changeRole(email, RoleName.TEACHER);
		this.mvc.perform(get("/admin/users").cookie(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/profile").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Guru")));
	}

	@Test
	void changingOnesPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
		String email = person(RoleName.TEACHER);
		Cookie phone = logIn(email, PASSWORD);
		Cookie laptop = logIn(email, PASSWORD);

		Cookie renewed = this.mvc
			.perform(post("/profile/password").cookie(laptop)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "sandi-baru-456")
				.param("confirmPassword", "sandi-baru-456"))
			.andExpect(redirectedUrl("/profile"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");

		assertThat(renewed).as("this session, under a new id").isNotNull();
		assertThat(renewed.getValue()).isNotEqualTo(laptop.getValue());
		this.mvc.perform(get("/profile").cookie(renewed)).andExpect(status().isOk());
		this.mvc.perform(get("/profile").cookie(phone)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(formLogin("/login").user(email).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin("/login").user(email).password("sandi-baru-456")).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAdoptedDjangoAccountLogsInWithItsPasswordWhichIsThenHashedWithBcrypt() throws Exception {
		String email = "adopsi" + counter.incrementAndGet() + "@otos.test";
		Timestamp joined = Timestamp.from(Instant.parse("2024-07-01T02:00:00Z"));
		this.jdbc.update("""
				insert into otosapp_user (password, is_superuser, username, first_name, last_name, email, is_staff,
				    is_active, date_joined, role_id, updated_at)
				values (?, false, ?, 'Siswa', 'Lama', ?, false, true, ?,
				    (select id from otosapp_role where role_name = 'Student'), ?)
				""", "pbkdf2_sha256$260000$aB9kLm2NpQ7rSt4V$LCa8DizLV8Jw7mjWzbNUO8m1TpXX4LvUE2gYixtoNnc=",
				email.substring(0, email.indexOf('@')), email, joined, joined);

		Cookie session = logIn(email, "Sandi Guru 2024!");

		String stored = this.jdbc.queryForObject("select password from otosapp_user where email = ?", String.class,
				email);
		assertThat(stored).startsWith("{bcrypt}$2");
		this.mvc.perform(get("/profile").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void aPictureUploadedOnTheProfileIsServedAsTheImageItIs() throws Exception {
		String email = person(RoleName.STUDENT);
		Cookie session = logIn(email, PASSWORD);
		long id = this.jdbc.queryForObject("select id from otosapp_user where email = ?", Long.class, email);

		this.mvc
			.perform(multipart("/profile/picture")
				.file(new MockMultipartFile("picture", "foto.txt", "text/plain", PictureSamples.gif()))
				.cookie(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/profile"));

		this.mvc.perform(get("/profile").cookie(session))
			.andExpect(content().string(containsString("id=\"profile-picture\"")));
		for (Cookie whoMaySee : List.of(session, logIn("admin@otos.test", DemoLogIn.PASSWORD))) {
			this.mvc.perform(get("/accounts/" + id + "/picture").cookie(whoMaySee))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "image/gif"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(content().bytes(PictureSamples.gif()));
		}
		// a student who shares no thread with them
		this.mvc.perform(get("/accounts/" + id + "/picture").cookie(logIn("siswa2@otos.test", DemoLogIn.PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFileThatIsNotAnImageChangesNothingWhateverItsNameAndType() throws Exception {
		String email = person(RoleName.STUDENT);
		Cookie session = logIn(email, PASSWORD);

		this.mvc
			.perform(multipart("/profile/picture")
				.file(new MockMultipartFile("picture", "foto.png", "image/png",
						"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes()))
				.cookie(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("File ini bukan gambar PNG, JPEG, GIF atau WebP.")))
			.andExpect(content().string(containsString("id=\"no-picture\"")));
		assertThat(this.jdbc.queryForObject("select profile_picture from otosapp_user where email = ?", String.class,
				email))
			.isNull();
	}

	private String person(RoleName role) {
		String email = "sesi" + counter.incrementAndGet() + "@otos.test";
		this.accounts.register(
				new NewAccount(email, email.substring(0, email.indexOf('@')), "Orang", "Uji", null, role, PASSWORD));
		return email;
	}

	private Cookie logIn(String email, String password) throws Exception {
		return DemoLogIn.session(this.mvc, email, password);
	}

	private void deactivate(String email) throws Exception {
		this.mvc.perform(post("/admin/users/" + idOf(email) + "/deactivate").cookie(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + idOf(email) + "/edit"));
	}

	private void changeRole(String email, RoleName role) throws Exception {
		String username = email.substring(0, email.indexOf('@'));
		this.mvc
			.perform(post("/admin/users/" + idOf(email) + "/edit").cookie(admin())
				.with(csrf())
				.param("email", email)
				.param("username", username)
				.param("firstName", "Orang")
				.param("lastName", "Uji")
				.param("role", role.name()))
			.andExpect(redirectedUrl("/admin/users"));
	}

	private Cookie admin() throws Exception {
		return logIn("admin@otos.test", DemoLogIn.PASSWORD);
	}

	private long idOf(String email) {
		return this.jdbc.queryForObject("select id from otosapp_user where email = ?", Long.class, email);
	}

}
