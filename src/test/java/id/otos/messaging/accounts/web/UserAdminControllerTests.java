package id.otos.messaging.accounts.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import id.otos.messaging.accounts.AccountChanges;
import id.otos.messaging.accounts.AccountException;
import id.otos.messaging.accounts.AccountFixtures;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.StudentImports;
import id.otos.messaging.accounts.User;
import id.otos.messaging.accounts.UserRow;
import id.otos.messaging.web.WebTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(UserAdminController.class)
@Import(WebTestConfiguration.class)
class UserAdminControllerTests {

	private static final long ADMIN_ID = 1;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	StudentImports imports;

	private final User student = AccountFixtures.user(5, RoleName.STUDENT);

	@BeforeEach
	void theStudentExists() {
		given(this.accounts.details(5)).willReturn(Optional.of(AccountFixtures.details(this.student)));
	}

	@Test
	void anonymousPeopleAreSentToLogIn() throws Exception {
		this.mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@ParameterizedTest
	@EnumSource(value = RoleName.class, names = { "STUDENT", "TEACHER", "OPERATOR" })
	void onlyAdminsMayManageUsers(RoleName role) throws Exception {
		RequestPostProcessor someone = as(AccountFixtures.loggedIn(9, role));

		this.mvc.perform(get("/admin/users").with(someone))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/error/403"));
		this.mvc.perform(get("/admin/users/5/edit").with(someone)).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users/5/deactivate").with(someone).with(csrf()))
			.andExpect(status().isForbidden());
		then(this.accounts).should(never()).deactivate(anyLong(), anyLong());
	}

	@Test
	void theListShowsOneRowPerUserWithTheirEmail() throws Exception {
		given(this.accounts.search("andi", RoleName.STUDENT, 0))
			.willReturn(
					new PageImpl<>(
							List.of(new UserRow(5, "siswa1@otos.test", "siswa1", "Andi", "Pratama", RoleName.STUDENT,
									true, Instant.parse("2026-01-15T03:00:00Z"))),
							PageRequest.of(0, Accounts.PAGE_SIZE), 1));

		this.mvc.perform(get("/admin/users").param("search", "andi").param("role", "STUDENT").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-email=\"siswa1@otos.test\"")))
			.andExpect(content().string(containsString("Andi Pratama")))
			.andExpect(content().string(containsString("id=\"edit-user-5\"")))
			.andExpect(content().string(containsString("value=\"andi\"")));
	}

	@Test
	void theNextPageKeepsTheSearch() throws Exception {
		List<UserRow> twenty = java.util.stream.LongStream.rangeClosed(100, 119)
			.mapToObj((id) -> new UserRow(id, id + "@otos.test", "siswa" + id, "Siswa", "Nomor " + id, RoleName.STUDENT,
					true, null))
			.toList();
		given(this.accounts.search("siswa", RoleName.STUDENT, 0))
			.willReturn(new PageImpl<>(twenty, PageRequest.of(0, Accounts.PAGE_SIZE), 45));

		this.mvc.perform(get("/admin/users").param("search", "siswa").param("role", "STUDENT").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"page-info\">Halaman 1 dari 3 (45 pengguna)<")))
			.andExpect(content().string(
					containsString("id=\"page-next\" href=\"/admin/users?search=siswa&amp;role=STUDENT&amp;page=1\"")))
			.andExpect(content().string(not(containsString("id=\"page-prev\""))));
	}

	@Test
	void anEditedAddressShowsTheWholeListRatherThanAnError() throws Exception {
		given(this.accounts.search("", null, 0)).willReturn(new PageImpl<>(List.of()));

		this.mvc.perform(get("/admin/users").param("role", "BOGUS").param("page", "abc").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-users\"")));
	}

	@Test
	void aNewUserIsCreatedAndTheAdminReturnsToTheList() throws Exception {
		this.mvc.perform(newUser("guru3@otos.test", "guru3", "sandi-awal-123"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flashSuccess", "admin.users.created"))
			.andExpect(flash().attribute("flashSuccessArgument", "guru3@otos.test"));
		then(this.accounts).should()
			.register(new NewAccount("guru3@otos.test", "guru3", "Rina", "", "", RoleName.TEACHER, "sandi-awal-123"));
	}

	@Test
	void anInvalidNewUserComesBackWithWhatWasTypedAndAMessagePerField() throws Exception {
		this.mvc.perform(newUser("bukan-email", "guru 3", "pendek"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"email-error\">Alamat email tidak valid.<")))
			.andExpect(content().string(containsString("id=\"username-error\">Nama pengguna hanya boleh")))
			.andExpect(
					content().string(containsString("id=\"password-error\">Kata sandi harus 8 sampai 72 karakter.<")))
			.andExpect(content().string(containsString("value=\"bukan-email\"")))
			.andExpect(content().string(containsString("value=\"Rina\"")))
			.andExpect(content().string(not(containsString("pendek"))));
		then(this.accounts).should(never()).register(any());
	}

	@Test
	void anEmailAlreadyInUseIsShownAtTheEmailField() throws Exception {
		willThrow(new AccountException("email", "account.error.email-taken")).given(this.accounts).register(any());

		this.mvc.perform(newUser("Siswa1@OTOS.test", "siswa-baru", "sandi-awal-123"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"email-error\">Email ini sudah dipakai akun lain.<")));
	}

	@Test
	void aRoleThatDoesNotExistIsRefused() throws Exception {
		this.mvc
			.perform(post("/admin/users/new").with(admin())
				.with(csrf())
				.param("email", "baru@otos.test")
				.param("username", "baru")
				.param("firstName", "Baru")
				.param("role", "SUPERHERO")
				.param("password", "sandi-awal-123"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"role-error\">Nilai tidak valid.<")));
		then(this.accounts).should(never()).register(any());
	}

	@Test
	void theEditFormShowsTheAccountAsItIs() throws Exception {
		this.mvc.perform(get("/admin/users/5/edit").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"student5@otos.test\"")))
			.andExpect(
					content().string(containsString("<option value=\"STUDENT\" selected=\"selected\">Siswa</option>")))
			.andExpect(content().string(containsString("id=\"deactivate-user\"")))
			.andExpect(content().string(containsString("id=\"save-user\"")));
	}

	@Test
	void anEmptyNewPasswordKeepsThePassword() throws Exception {
		this.mvc.perform(edit(5, "TEACHER", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flashSuccess", "admin.users.saved"));
		then(this.accounts).should()
			.update(5,
					new AccountChanges("student5@otos.test", "student5", "Nama", "Orang5", "", RoleName.TEACHER, null),
					ADMIN_ID);
	}

	@Test
	void anAdminWhoWouldDemoteThemselvesIsToldAtTheRoleField() throws Exception {
		given(this.accounts.details(ADMIN_ID))
			.willReturn(Optional.of(AccountFixtures.details(AccountFixtures.user(ADMIN_ID, RoleName.ADMIN))));
		willThrow(new AccountException("role", "account.error.cannot-demote-self")).given(this.accounts)
			.update(eqLong(ADMIN_ID), any(), eqLong(ADMIN_ID));

		this.mvc.perform(edit(ADMIN_ID, "TEACHER", ""))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("id=\"role-error\">Anda tidak dapat mencabut peran admin Anda sendiri.<")));
	}

	@Test
	void aDeactivatedUserIsReportedOnTheirPage() throws Exception {
		this.mvc.perform(post("/admin/users/5/deactivate").with(admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users/5/edit"))
			.andExpect(flash().attribute("flashSuccess", "admin.users.deactivated"));
		then(this.accounts).should().deactivate(5, ADMIN_ID);
	}

	@Test
	void aRefusedDeactivationIsExplained() throws Exception {
		willThrow(new AccountException(null, "account.error.last-admin")).given(this.accounts).deactivate(2, ADMIN_ID);

		this.mvc.perform(post("/admin/users/2/deactivate").with(admin()).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/users/2/edit"))
			.andExpect(flash().attribute("flashError", "account.error.last-admin"));
	}

	@Test
	void anUnknownUserIsNotFound() throws Exception {
		given(this.accounts.details(404)).willReturn(Optional.empty());

		this.mvc.perform(get("/admin/users/404/edit").with(admin())).andExpect(status().isNotFound());
	}

	private RequestPostProcessor admin() {
		return as(AccountFixtures.loggedIn(ADMIN_ID, RoleName.ADMIN));
	}

	private RequestPostProcessor as(CurrentUser someone) {
		given(this.accounts.currentUser(someone.id())).willReturn(Optional.of(someone));
		return user(someone);
	}

	private MockHttpServletRequestBuilder newUser(String email, String username, String password) {
		return post("/admin/users/new").with(admin())
			.with(csrf())
			.param("email", email)
			.param("username", username)
			.param("firstName", "Rina")
			.param("lastName", "")
			.param("phoneNumber", "")
			.param("role", "TEACHER")
			.param("password", password);
	}

	private MockHttpServletRequestBuilder edit(long id, String role, String newPassword) {
		return post("/admin/users/" + id + "/edit").with(admin())
			.with(csrf())
			.param("email", "student5@otos.test")
			.param("username", "student5")
			.param("firstName", "Nama")
			.param("lastName", "Orang5")
			.param("phoneNumber", "")
			.param("role", role)
			.param("newPassword", newPassword);
	}

	private static long eqLong(long value) {
		return org.mockito.ArgumentMatchers.eq(value);
	}

}
