package id.otos.messaging.accounts;

import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import static id.otos.messaging.accounts.AccountFixtures.role;
import static id.otos.messaging.accounts.AccountFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UserTests {

	private static final long ADMIN_ID = 1;

	private static final LongSupplier MUST_NOT_COUNT = () -> {
		throw new AssertionError("active admins counted although no admin was at stake");
	};

	@Test
	void aNameIsOneLineAndANameOfNothingButControlsIsMissing() {
		User user = user(7, RoleName.STUDENT);

		user.rename("Siti\r\n\u2028Aminah", "\u202ENurhaliza\t\u0000", null);

		assertThat(user.getFirstName()).isEqualTo("Siti Aminah");
		assertThat(user.getLastName()).isEqualTo("Nurhaliza");
		assertThatExceptionOfType(AccountException.class).isThrownBy(() -> user.rename("\u202E\r\n", "", null))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("validation.required"));
	}

	@Test
	void adminCannotDeactivateThemselves() {
		User admin = user(ADMIN_ID, RoleName.ADMIN);

		assertThatExceptionOfType(AccountException.class).isThrownBy(() -> admin.deactivate(ADMIN_ID, () -> 2))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.cannot-deactivate-self"));
		assertThat(admin.isActive()).isTrue();
	}

	@Test
	void lastActiveAdminCannotBeDeactivated() {
		User lastAdmin = user(2, RoleName.ADMIN);

		assertThatExceptionOfType(AccountException.class).isThrownBy(() -> lastAdmin.deactivate(ADMIN_ID, () -> 1))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.last-admin"));
		assertThat(lastAdmin.isActive()).isTrue();
	}

	@Test
	void anAdminCanBeDeactivatedWhileAnotherAdminStaysActive() {
		User otherAdmin = user(2, RoleName.ADMIN);

		otherAdmin.deactivate(ADMIN_ID, () -> 2);

		assertThat(otherAdmin.isActive()).isFalse();
	}

	@Test
	void deactivatingAStudentDoesNotNeedToCountAdmins() {
		User student = user(5, RoleName.STUDENT);

		student.deactivate(ADMIN_ID, MUST_NOT_COUNT);

		assertThat(student.isActive()).isFalse();
	}

	@Test
	void reactivatingLetsThePersonLogInAgain() {
		User student = user(5, RoleName.STUDENT);
		student.deactivate(ADMIN_ID, MUST_NOT_COUNT);

		student.activate();

		assertThat(student.isActive()).isTrue();
	}

	@Test
	void adminCannotDemoteThemselves() {
		User admin = user(ADMIN_ID, RoleName.ADMIN);

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> admin.changeRole(role(RoleName.TEACHER), ADMIN_ID, () -> 3))
			.satisfies((refusal) -> {
				assertThat(refusal.field()).isEqualTo("role");
				assertThat(refusal.messageKey()).isEqualTo("account.error.cannot-demote-self");
			});
		assertThat(admin.getRole()).isEqualTo(RoleName.ADMIN);
	}

	@Test
	void lastActiveAdminCannotBeDemoted() {
		User lastAdmin = user(2, RoleName.ADMIN);

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> lastAdmin.changeRole(role(RoleName.OPERATOR), ADMIN_ID, () -> 1))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.last-admin"));
		assertThat(lastAdmin.getRole()).isEqualTo(RoleName.ADMIN);
	}

	@Test
	void aDeactivatedAdminCanBeDemotedWithoutCountingAdmins() {
		User formerAdmin = user(2, RoleName.ADMIN);
		formerAdmin.deactivate(ADMIN_ID, () -> 2);

		formerAdmin.changeRole(role(RoleName.STUDENT), ADMIN_ID, MUST_NOT_COUNT);

		assertThat(formerAdmin.getRole()).isEqualTo(RoleName.STUDENT);
	}

	@Test
	void anAdminMayChangeTheirOwnDetailsWithoutLosingTheirRole() {
		User admin = user(ADMIN_ID, RoleName.ADMIN);

		admin.changeRole(role(RoleName.ADMIN), ADMIN_ID, MUST_NOT_COUNT);

		assertThat(admin.getRole()).isEqualTo(RoleName.ADMIN);
	}

	@Test
	void rolesCarryDjangosStaffAndSuperuserFlags() {
		User person = user(7, RoleName.STUDENT);
		assertThat(person.isStaff()).isFalse();
		assertThat(person.isSuperuser()).isFalse();

		person.changeRole(role(RoleName.OPERATOR), ADMIN_ID, MUST_NOT_COUNT);
		assertThat(person.isStaff()).isTrue();
		assertThat(person.isSuperuser()).isFalse();

		person.changeRole(role(RoleName.ADMIN), ADMIN_ID, MUST_NOT_COUNT);
		assertThat(person.isStaff()).isTrue();
		assertThat(person.isSuperuser()).isTrue();
	}

	@Test
	void aPersonMayHaveASingleName() {
		User person = user(7, RoleName.STUDENT);

		person.rename("  Sukarno ", "  ", " 0812-3456-7890 ");

		assertThat(person.getFirstName()).isEqualTo("Sukarno");
		assertThat(person.getLastName()).isEmpty();
		assertThat(person.getDisplayName()).isEqualTo("Sukarno");
		assertThat(person.getPhoneNumber()).isEqualTo("0812-3456-7890");
	}

	@Test
	void firstNameIsRequired() {
		User person = user(7, RoleName.STUDENT);

		assertThatExceptionOfType(AccountException.class).isThrownBy(() -> person.rename(" ", "Pratama", null))
			.satisfies((refusal) -> assertThat(refusal.field()).isEqualTo("firstName"));
		assertThat(person.getFirstName()).isEqualTo("Nama");
	}

	@Test
	void aBlankPhoneNumberIsStoredAsNone() {
		User person = user(7, RoleName.STUDENT);

		person.rename("Andi", "Pratama", "   ");

		assertThat(person.getPhoneNumber()).isNull();
	}

	@Test
	void phoneNumbersLongerThanTheColumnAreRefused() {
		User person = user(7, RoleName.STUDENT);

		assertThatExceptionOfType(AccountException.class)
			.isThrownBy(() -> person.rename("Andi", "Pratama", "0812 3456 7890 1234 5678"))
			.satisfies((refusal) -> assertThat(refusal.field()).isEqualTo("phoneNumber"));
	}

	@Test
	void emailIsKeptInLowerCaseSoThatItIsUniqueWhateverItsCase() {
		User person = user(7, RoleName.STUDENT);

		person.changeEmail("  Andi.Pratama@Sekolah.SCH.id ", "andi");

		assertThat(person.getEmail()).isEqualTo("andi.pratama@sekolah.sch.id");
	}

}
