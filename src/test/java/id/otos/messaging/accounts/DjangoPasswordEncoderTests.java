package id.otos.messaging.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hashes below were made the way Django makes them, with Python's standard library:
 * {@code base64.b64encode(hashlib.pbkdf2_hmac('sha256', password, salt, iterations))}.
 */
class DjangoPasswordEncoderTests {

	/** Django 5.0's default: 870,000 iterations. */
	static final String STUDENT_HASH = "pbkdf2_sha256$870000$Qx3MZ0n8sYvI2lJ1kW4pTc$ccARTl33YWhdj9iQK+wg5s/ZosfacNGmeXEV+RZM5cI=";

	static final String STUDENT_PASSWORD = "rahasia-siswa-1";

	/** Django 3.2's default: 260,000 iterations; a password with spaces and symbols. */
	static final String TEACHER_HASH = "pbkdf2_sha256$260000$aB9kLm2NpQ7rSt4V$LCa8DizLV8Jw7mjWzbNUO8m1TpXX4LvUE2gYixtoNnc=";

	static final String TEACHER_PASSWORD = "Sandi Guru 2024!";

	private final DjangoPasswordEncoder encoder = new DjangoPasswordEncoder();

	@Test
	void acceptsThePasswordDjangoHashed() {
		assertThat(this.encoder.matches(STUDENT_PASSWORD, STUDENT_HASH)).isTrue();
		assertThat(this.encoder.matches(TEACHER_PASSWORD, TEACHER_HASH)).isTrue();
	}

	@Test
	void refusesAnyOtherPassword() {
		assertThat(this.encoder.matches("rahasia-siswa-2", STUDENT_HASH)).isFalse();
		assertThat(this.encoder.matches("sandi guru 2024!", TEACHER_HASH)).isFalse();
		assertThat(this.encoder.matches("", STUDENT_HASH)).isFalse();
	}

	@Test
	void refusesHashesThatAreNotDjangosPbkdf2Format() {
		assertThat(this.encoder.matches(STUDENT_PASSWORD, "pbkdf2_sha1$870000$Qx3MZ0n8sYvI2lJ1kW4pTc$abc=")).isFalse();
		assertThat(this.encoder.matches(STUDENT_PASSWORD, "pbkdf2_sha256$870000$Qx3MZ0n8sYvI2lJ1kW4pTc")).isFalse();
		assertThat(this.encoder.matches(STUDENT_PASSWORD, "pbkdf2_sha256$many$Qx3MZ0n8sYvI2lJ1kW4pTc$abc=")).isFalse();
		assertThat(this.encoder.matches(STUDENT_PASSWORD, "pbkdf2_sha256$870000$salt$not base64!")).isFalse();
		assertThat(this.encoder.matches(STUDENT_PASSWORD, null)).isFalse();
		assertThat(this.encoder.matches(null, STUDENT_HASH)).isFalse();
	}

	@Test
	void neverWritesDjangoHashes() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.encoder.encode(STUDENT_PASSWORD));
	}

	@Test
	void theApplicationsEncoderReadsDjangoHashesAndWritesBcrypt() {
		PasswordEncoder application = new PasswordConfiguration().passwordEncoder();

		assertThat(application.matches(TEACHER_PASSWORD, TEACHER_HASH)).isTrue();
		assertThat(application.matches("wrong password", TEACHER_HASH)).isFalse();
		assertThat(application.upgradeEncoding(TEACHER_HASH)).isTrue();
		String upgraded = application.encode(TEACHER_PASSWORD);
		assertThat(upgraded).startsWith("{bcrypt}$2");
		assertThat(application.matches(TEACHER_PASSWORD, upgraded)).isTrue();
		assertThat(application.upgradeEncoding(upgraded)).isFalse();
	}

	@Test
	void besideDjangoPasswordsAreWrittenInDjangosFormatAndNeverUpgraded() {
		PasswordEncoder besideDjango = PasswordConfiguration.besideDjango();

		String hash = besideDjango.encode(STUDENT_PASSWORD);

		assertThat(hash).matches("pbkdf2_sha256\\$870000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}=");
		assertThat(this.encoder.matches(STUDENT_PASSWORD, hash)).as("read as Django reads it").isTrue();
		assertThat(besideDjango.matches(STUDENT_PASSWORD, hash)).isTrue();
		assertThat(besideDjango.matches(TEACHER_PASSWORD, TEACHER_HASH)).isTrue();
		assertThat(besideDjango.encode(STUDENT_PASSWORD)).as("a new salt each time").isNotEqualTo(hash);
		assertThat(besideDjango.upgradeEncoding(TEACHER_HASH)).isFalse();
		assertThat(besideDjango.upgradeEncoding(hash)).isFalse();
	}

}
