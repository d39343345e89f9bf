package id.otos.messaging.accounts;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The account rules as the service applies them to a real database; each test rolls back.
 * Run on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
abstract class AccountsChecks {

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	Accounts accounts;

	@Autowired
	UserRepository users;

	@Autowired
	PasswordEncoder passwordEncoder;

	private long admin;

	@BeforeEach
	void theDemoAdminIsTheOnlyAdmin() {
		assertThat(this.accounts.withRole(RoleName.ADMIN)).hasSize(1);
		this.admin = this.accounts.withRole(RoleName.ADMIN).get(0).id();
	}

	@Test
	void anEmailIsUniqueWhateverItsCase() {
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.register(account(" Siswa1@OTOS.Test ", "andi-lagi", RoleName.STUDENT)))
			.satisfies((refusal) -> {
				assertThat(refusal.field()).isEqualTo("email");
				assertThat(refusal.messageKey()).isEqualTo("account.error.email-taken");
			});
	}

	@Test
	void anEmailIsStoredAsTheNameLogInFindsItBy() {
		long id = this.accounts
			.register(account("\uFEFF\uFF21ndi.Baru\u200B@OTOS.test\u0000 ", "andi-baru", RoleName.STUDENT));

		assertThat(this.accounts.details(id).orElseThrow().email()).isEqualTo("andi.baru@otos.test");
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.register(account("andi.baru@otos.test", "andi-lagi", RoleName.STUDENT)))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.email-taken"));
	}

	@Test
	void anEmailWithLettersOfTwoAlphabetsIsRefused() {
		long id = newUser(RoleName.STUDENT);

		for (String email : new String[] { "\u0430ndi@otos.test", "andi@\u043Etos.test", "\u03B1ndi@otos.test" }) {
			assertThatExceptionOfType(AccountException.class).isThrownBy(
					() -> this.accounts.register(account(email, "andi-" + counter.incrementAndGet(), RoleName.STUDENT)))
				.satisfies((refusal) -> {
					assertThat(refusal.field()).isEqualTo("email");
					assertThat(refusal.messageKey()).isEqualTo("account.error.email-mixed-scripts");
				});
			assertThatExceptionOfType(AccountException.class)
				.isThrownBy(() -> this.accounts.update(id, changes(id, email, RoleName.STUDENT), this.admin))
				.satisfies(
						(refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.email-mixed-scripts"));
		}
	}

	@Test
	void aUsernameIsUniqueWhateverItsCase() {
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.register(account("andi.baru@otos.test", "SISWA1", RoleName.STUDENT)))
			.satisfies((refusal) -> assertThat(refusal.field()).isEqualTo("username"));
	}

	@Test
	void namesAndUsernamesAreOneLineAndALookAlikeOfATakenUsernameIsTaken() {
		long id = this.accounts.register(new NewAccount("dewi@otos.test", "dewi\r\n\u202Ebaru", "Dewi\r\nAdmin:",
				"\u2066Lestari\t", null, RoleName.STUDENT, "sandi-awal-123"));

		assertThat(this.accounts.details(id)).hasValueSatisfying((details) -> {
			assertThat(details.username()).isEqualTo("dewi baru");
			assertThat(details.firstName()).isEqualTo("Dewi Admin:");
			assertThat(details.lastName()).isEqualTo("Lestari");
		});
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.register(account("andi.baru@otos.test", "siswa1\u200F", RoleName.STUDENT)))
			.satisfies((refusal) -> assertThat(refusal.field()).isEqualTo("username"));
	}

	@Test
	void aPageNumberPastTheLastShowsTheLastPageHoweverLargeItIs() {
		long everybody = this.accounts.search(null, null, 0).getTotalElements();
		int last = (int) ((everybody - 1) / Accounts.PAGE_SIZE);

		for (int huge : new int[] { last + 1, 99_999_999, 107_374_182, Integer.MAX_VALUE }) {
			Page<UserRow> page = this.accounts.search(null, null, huge);
			assertThat(page.getNumber()).isEqualTo(last);
			assertThat(page.getTotalElements()).isEqualTo(everybody);
			assertThat(page.getContent()).isNotEmpty();
		}
		assertThat(this.accounts.search("nobody-has-this-name", null, Integer.MAX_VALUE).getContent()).isEmpty();
	}

	@Test
	void anEmailIsStoredInLowerCase() {
		long id = this.accounts.register(account("Rina.Guru@Sekolah.SCH.ID", "rina", RoleName.TEACHER));

		assertThat(this.accounts.details(id))
			.hasValueSatisfying((details) -> assertThat(details.email()).isEqualTo("rina.guru@sekolah.sch.id"));
	}

	@Test
	void anAdminCannotGiveAnAccountAnEmailAnotherAccountUses() {
		long id = newUser(RoleName.STUDENT);

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.update(id, changes(id, "GURU1@otos.test", RoleName.STUDENT), this.admin))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.email-taken"));
	}

	@Test
	void anAccountKeepsItsOwnEmailWhenOtherDetailsChange() {
		long id = newUser(RoleName.STUDENT);
		AccountDetails before = this.accounts.details(id).orElseThrow();

		this.accounts.update(id, new AccountChanges(before.email().toUpperCase(), before.username(), "Baru", "Nama",
				"0812-0000-1111", RoleName.TEACHER, null), this.admin);

		AccountDetails after = this.accounts.details(id).orElseThrow();
		assertThat(after.email()).isEqualTo(before.email());
		assertThat(after.displayName()).isEqualTo("Baru Nama");
		assertThat(after.role()).isEqualTo(RoleName.TEACHER);
	}

	@Test
	void theVisitorRoleCannotBeGiven() {
		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.register(account("tamu@otos.test", "tamu", RoleName.VISITOR)))
			.satisfies((refusal) -> assertThat(refusal.field()).isEqualTo("role"));
	}

	@Test
	void lastActiveAdminCannotBeDeactivated() {
		long operator = this.accounts.withRole(RoleName.OPERATOR).get(0).id();

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.deactivate(this.admin, operator))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.last-admin"));
		assertThat(this.accounts.details(this.admin).orElseThrow().active()).isTrue();
	}

	@Test
	void lastActiveAdminCannotBeDemoted() {
		long otherAdmin = newUser(RoleName.ADMIN);
		this.accounts.deactivate(otherAdmin, this.admin);

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(
					() -> this.accounts.update(this.admin, changes(this.admin, null, RoleName.OPERATOR), otherAdmin))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.last-admin"));
	}

	@Test
	void anAdminCanBeDemotedWhileAnotherAdminStaysActive() {
		long otherAdmin = newUser(RoleName.ADMIN);

		this.accounts.update(otherAdmin, changes(otherAdmin, null, RoleName.TEACHER), this.admin);

		assertThat(this.accounts.details(otherAdmin).orElseThrow().role()).isEqualTo(RoleName.TEACHER);
	}

	@Test
	void adminCannotDeactivateThemselves() {
		newUser(RoleName.ADMIN);

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.deactivate(this.admin, this.admin))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.cannot-deactivate-self"));
	}

	@Test
	void aDeactivatedAccountCanBeReactivated() {
		long student = newUser(RoleName.STUDENT);

		this.accounts.deactivate(student, this.admin);
		assertThat(this.accounts.currentUser(student).orElseThrow().isEnabled()).isFalse();
		this.accounts.activate(student);

		assertThat(this.accounts.currentUser(student).orElseThrow().isEnabled()).isTrue();
	}

	@Test
	void changingOnesPasswordNeedsTheCurrentOne() {
		long student = newUser(RoleName.STUDENT);

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> this.accounts.changePassword(student, "bukan-sandinya", "sandi-baru-123", "10.3.0.1"))
			.satisfies((refusal) -> assertThat(refusal.field()).isEqualTo("currentPassword"));
		CurrentUser renewed = this.accounts.changePassword(student, "sandi-awal-123", "sandi-baru-123", "10.3.0.1");

		String stored = this.users.findById(student).orElseThrow().getPassword();
		assertThat(stored).startsWith("{bcrypt}");
		assertThat(this.passwordEncoder.matches("sandi-baru-123", stored)).isTrue();
		assertThat(renewed.getPassword()).isNull();
		assertThat(renewed.mayContinueAs(this.accounts.currentUser(student).orElseThrow())).isTrue();
	}

	@Test
	void anAdminsNewPasswordForSomeoneEndsTheirSessions() {
		long student = newUser(RoleName.STUDENT);
		CurrentUser session = this.accounts.currentUser(student).orElseThrow();
		AccountDetails details = this.accounts.details(student).orElseThrow();

		this.accounts.update(student, new AccountChanges(details.email(), details.username(), details.firstName(),
				details.lastName(), null, details.role(), "diganti-admin-1"), this.admin);

		assertThat(session.mayContinueAs(this.accounts.currentUser(student).orElseThrow())).isFalse();
	}

	@Test
	void searchFindsPeopleByPartOfTheirNameEmailOrUsernameInAnyCase() {
		assertThat(emails(this.accounts.search("PRATAMA", null, 0))).containsExactly("siswa1@otos.test");
		assertThat(emails(this.accounts.search("andi prat", null, 0))).containsExactly("siswa1@otos.test");
		assertThat(emails(this.accounts.search("guru2@", null, 0))).containsExactly("guru2@otos.test");
		assertThat(emails(this.accounts.search("SISWA3", null, 0))).containsExactly("siswa3@otos.test");
	}

	@Test
	void searchCanBeNarrowedToOneRole() {
		assertThat(emails(this.accounts.search("", RoleName.TEACHER, 0))).containsExactly("guru1@otos.test",
				"guru2@otos.test");
		assertThat(emails(this.accounts.search("otos", RoleName.ADMIN, 0))).containsExactly("admin@otos.test");
		assertThat(this.accounts.search(null, null, 0).getTotalElements()).isEqualTo(7);
	}

	@Test
	void searchTakesWildcardCharactersLiterally() {
		newUser(RoleName.STUDENT, "persen_100%");

		assertThat(this.accounts.search("_", null, 0).getContent()).extracting(UserRow::username)
			.containsExactly("persen_100%");
		assertThat(this.accounts.search("0%", null, 0).getTotalElements()).isEqualTo(1);
		assertThat(this.accounts.search("!", null, 0).getTotalElements()).isZero();
	}

	@Test
	void theUserListHasTwentyPeoplePerPage() {
		for (int i = 0; i < 25; i++) {
			newUser(RoleName.STUDENT);
		}

		Page<UserRow> first = this.accounts.search(null, RoleName.STUDENT, 0);
		Page<UserRow> second = this.accounts.search(null, RoleName.STUDENT, 1);

		assertThat(first.getContent()).hasSize(20);
		assertThat(first.getTotalElements()).isEqualTo(28);
		assertThat(first.getTotalPages()).isEqualTo(2);
		assertThat(second.getContent()).hasSize(8)
			.extracting(UserRow::id)
			.doesNotContainAnyElementsOf(first.map(UserRow::id).getContent());
	}

	private long newUser(RoleName role) {
		return newUser(role, "orang" + counter.incrementAndGet());
	}

	private long newUser(RoleName role, String username) {
		return this.accounts.register(account(counter.incrementAndGet() + "-uji@otos.test", username, role));
	}

	private static NewAccount account(String email, String username, RoleName role) {
		return new NewAccount(email, username, "Orang", "Uji", null, role, "sandi-awal-123");
	}

	private AccountChanges changes(long id, String email, RoleName role) {
		AccountDetails details = this.accounts.details(id).orElseThrow();
		return new AccountChanges((email != null) ? email : details.email(), details.username(), details.firstName(),
				details.lastName(), details.phoneNumber(), role, null);
	}

	private static java.util.List<String> emails(Page<UserRow> page) {
		return page.map(UserRow::email).getContent();
	}

}
