package id.otos.messaging.accounts;

import org.junit.jupiter.api.Test;

import static id.otos.messaging.accounts.AccountFixtures.NOW;
import static id.otos.messaging.accounts.AccountFixtures.loggedIn;
import static id.otos.messaging.accounts.AccountFixtures.role;
import static id.otos.messaging.accounts.AccountFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

class CurrentUserTests {

	@Test
	void aSessionContinuesWhileTheAccountIsUnchanged() {
		User student = user(5, RoleName.STUDENT);
		CurrentUser session = loggedIn(student);

		assertThat(session.mayContinueAs(loggedIn(student))).isTrue();
	}

	@Test
	void aSessionContinuesWithTheNewRoleAfterARoleChange() {
		User student = user(5, RoleName.STUDENT);
		CurrentUser session = loggedIn(student);

		student.changeRole(role(RoleName.TEACHER), 1, () -> 2);
		CurrentUser now = loggedIn(student);

		assertThat(session.mayContinueAs(now)).isTrue();
		assertThat(now.role()).isEqualTo(RoleName.TEACHER);
		assertThat(now.getAuthorities()).extracting("authority").containsExactly("ROLE_TEACHER");
	}

	@Test
	void aSessionEndsWhenTheAccountIsDeactivated() {
		User student = user(5, RoleName.STUDENT);
		CurrentUser session = loggedIn(student);

		student.deactivate(1, () -> 2);

		assertThat(session.mayContinueAs(loggedIn(student))).isFalse();
	}

	@Test
	void aSessionEndsWhenThePasswordChangedElsewhere() {
		User student = user(5, RoleName.STUDENT);
		CurrentUser session = loggedIn(student);

		student.changePassword("{bcrypt}$2a$10$another-hash");

		assertThat(session.mayContinueAs(loggedIn(student))).isFalse();
	}

	@Test
	void aSessionNeverContinuesAsAnotherAccount() {
		assertThat(loggedIn(5, RoleName.STUDENT).mayContinueAs(loggedIn(6, RoleName.STUDENT))).isFalse();
	}

	@Test
	void thePasswordHashIsNotKeptAfterLogIn() {
		CurrentUser session = loggedIn(5, RoleName.STUDENT);

		assertThat(session.getPassword()).isNull();
		assertThat(session.toString()).doesNotContain("hash");
	}

}
