package id.otos.messaging.accounts;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one normalisation of the e-mail a person logs in with: what the throttle counts,
 * what finds the account and what an account is stored with.
 */
class LoginNameTests {

	@ParameterizedTest
	@ValueSource(strings = { "siswa1@otos.test", "SISWA1@OTOS.TEST", "Siswa1@Otos.Test", "  siswa1@otos.test ",
			"siswa1 @otos.test", "sis wa1@otos.test", "\tsiswa1@otos.test\t", "siswa1@otos.test\r\n",
			"\nsiswa1\r@otos.test", "siswa1\u0000@otos.test", "\u0000siswa1@otos.test\u0000", "sis\u200Bwa1@otos.test",
			"siswa\u200D1@otos.test", "siswa\u200C1@otos.test", "\uFEFFsiswa1@otos.test", "sis\u00ADwa1@otos.test",
			"\u202Esiswa1@otos.test\u202C", "\u200Esiswa1@otos.test\u200F", "\u2066siswa1@otos.test\u2069",
			"siswa1\u2060@otos.test", "siswa1@otos.test\u2028", "siswa1@otos\u2029.test", "siswa1\u00A0@otos.test",
			"\u3000siswa1@otos.test", "siswa1\u0085@otos.test", "siswa1\u001B@otos.test", "siswa1\u007F@otos.test",
			"siswa1\u034F@otos.test", "siswa1\uFE0F@otos.test", "siswa1\u3164@otos.test", "siswa1\u180E@otos.test",
			"\uFF53\uFF49\uFF53\uFF57\uFF41\uFF11\uFF20\uFF4F\uFF54\uFF4F\uFF53\uFF0E\uFF54\uFF45\uFF53\uFF54",
			"\uD835\uDC2C\uD835\uDC22\uD835\uDC2C\uD835\uDC30\uD835\uDC1A\uD835\uDFCF@\uD835\uDC28\uD835\uDC2D\uD835\uDC28\uD835\uDC2C.\uD835\uDC2D\uD835\uDC1E\uD835\uDC2C\uD835\uDC2D",
			"\uD835\uDC12\uD835\uDC08\uD835\uDC12\uD835\uDC16\uD835\uDC00\uD835\uDFCF@otos.test",
			"\u017Fiswa1@otos.test", "siswa1@otos.te\u017Ft", "siswa1@\u1D52tos.test", "\u24E2iswa1@otos.test" })
	void everyWayOfWritingTheSameEmailIsOneName(String typed) {
		assertThat(LoginName.of(typed).value()).isEqualTo("siswa1@otos.test");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sisw\u04301@otos.test", "siswa1@\u043Etos.test", "\u0455iswa1@otos.test",
			"SISW\u04101@OTOS.TEST", "siswa1@otos.t\u0435st", "\u03C3iswa1@otos.test", "siswa\u0661@otos.test",
			"siswa1@otos.\u0565st", "\u13DAiswa1@otos.test" })
	void aLookAlikeFromAnotherAlphabetIsAnotherNameAndMixesScripts(String typed) {
		LoginName name = LoginName.of(typed);

		assertThat(name.value()).isNotEqualTo("siswa1@otos.test");
		assertThat(name.mixesScripts()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "siswa1@otos.test", "b\u00FCcher@b\u00FCcher.de",
			"\u0441\u0438\u0441\u0432\u0430@\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444",
			"user@\u4F8B\u5B50.\u4E2D\u56FD", "\u3086\u3046\u3053@\u4F8B\u3048.jp", "\uD64D\uAE38\uB3D9@example.kr",
			"\u03B1\u03B2@\u03B3\u03B4.\u03B5\u03BB", "" })
	void addressesInOneScriptOrLatinWithHanAreNotMixed(String typed) {
		assertThat(LoginName.of(typed).mixesScripts()).isFalse();
	}

	@Test
	void nothingIsAnEmptyName() {
		assertThat(LoginName.of(null).value()).isEmpty();
		assertThat(LoginName.of(" \u200B\u0000\t").value()).isEmpty();
	}

	@Test
	void aNameIsAtMostTheLongestEmailAddressAndAMegabyteCostsNoMore() {
		String huge = "a".repeat(1_000_000);

		assertThat(LoginName.of(huge).value()).hasSize(LoginName.LONGEST);
		assertThat(LoginName.of("\uD835\uDC1A".repeat(300)).value()).hasSize(LoginName.LONGEST);
		assertThat(LoginName.of("x" + "\uD83D\uDE00".repeat(200)).value()).hasSize(LoginName.LONGEST - 1)
			.doesNotEndWith("\uD83D");
	}

	@Test
	void theNameOfANameIsItself() {
		Random random = new Random(20261124L);
		int[] pieces = { 'a', 'Z', '1', '@', '.', ' ', 0x00, 0x09, 0x0A, 0x0D, 0x85, 0xA0, 0xAD, 0x130, 0x131, 0x17F,
				0x1C5, 0x212A, 0x2126, 0x0301, 0x0308, 0x0345, 0x034F, 0x0390, 0x03C2, 0x0430, 0x1D2C, 0x1E9E, 0x200B,
				0x200D, 0x202E, 0x2028, 0x2160, 0x24B6, 0x3000, 0x3164, 0xAC00, 0x1100, 0x1161, 0x11A8, 0xD800, 0xDFFF,
				0xFB01, 0xFE0F, 0xFEFF, 0xFF21, 0xFFA0, 0xFFFF, 0x1D400, 0x1D7CE, 0x1F600, 0xE0041, 0xFDFA, 0x3392 };
		for (int sample = 0; sample < 20_000; sample++) {
			StringBuilder typed = new StringBuilder();
			int length = (random.nextInt(20) == 0) ? 200 + random.nextInt(400) : random.nextInt(24);
			for (int i = 0; i < length; i++) {
				typed.appendCodePoint(pieces[random.nextInt(pieces.length)]);
			}
			LoginName name = LoginName.of(typed.toString());

			assertThat(LoginName.of(name.value())).as("the name of %s", typed).isEqualTo(name);
			assertThat(name.value().length()).isLessThanOrEqualTo(LoginName.LONGEST);
			assertThat(name.value()).doesNotContain(" ", "\u0000", "\u200B", "\uFEFF", "\u202E", "\t", "\n");
		}
	}

}
