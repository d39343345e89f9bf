package id.otos.messaging.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordsTests {

	@Test
	void aPasswordOfEightCharactersIsAccepted() {
		assertThatNoException().isThrownBy(() -> Passwords.check("12345678", "password"));
	}

	@Test
	void aPasswordOfSevenCharactersIsRefusedForItsField() {
		assertThatExceptionOfType(AccountException.class).isThrownBy(() -> Passwords.check("1234567", "newPassword"))
			.satisfies((refusal) -> {
				assertThat(refusal.field()).isEqualTo("newPassword");
				assertThat(refusal.messageKey()).isEqualTo("account.error.password-too-short");
			});
	}

	@Test
	void aPasswordBCryptWouldCutIsRefused() {
		String nineteenEmoji = "\uD83D\uDE00".repeat(19);

		assertThatExceptionOfType(AccountException.class).isThrownBy(() -> Passwords.check(nineteenEmoji, "password"))
			.satisfies((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.password-too-long"));
	}

	@Test
	void eightEmojiAreEightCharacters() {
		assertThatNoException().isThrownBy(() -> Passwords.check("\uD83D\uDE00".repeat(8), "password"));
	}

	@Test
	void seventyTwoBytesAreAccepted() {
		assertThatNoException().isThrownBy(() -> Passwords.check("a".repeat(72), "password"));
	}

}
