package id.otos.messaging.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A title or a name stays on one line and cannot reorder what is shown around it.
 */
class OneLineTests {

	@Test
	void lineBreaksOfEveryKindAndTabsBecomeOneSpace() {
		assertThat(OneLine.of("Soal\r\nintegral")).isEqualTo("Soal integral");
		assertThat(OneLine.of("Soal\n\n\nintegral")).isEqualTo("Soal integral");
		assertThat(OneLine.of("Soal\rintegral")).isEqualTo("Soal integral");
		assertThat(OneLine.of("Soal\u0085integral")).isEqualTo("Soal integral");
		assertThat(OneLine.of("Soal\u2028integral\u2029parsial")).isEqualTo("Soal integral parsial");
		assertThat(OneLine.of("Soal\tintegral\u000B\u000Cparsial")).isEqualTo("Soal integral parsial");
	}

	@Test
	void otherControlCharactersBecomeASpace() {
		assertThat(OneLine.of("Soal\u0000integral")).isEqualTo("Soal integral");
		assertThat(OneLine.of("\u001B[31mMerah\u0007")).isEqualTo("[31mMerah");
		assertThat(OneLine.of("a\u007Fb\u009Bc")).isEqualTo("a b c");
	}

	@Test
	void bidirectionalControlsAreRemoved() {
		assertThat(OneLine.of("tugas\u202Efdp.exe")).isEqualTo("tugasfdp.exe");
		assertThat(OneLine.of("\u2066Admin\u2069 \u200F\u200E\u061C\u202A\u202B\u202C\u202D\u2067\u2068"))
			.isEqualTo("Admin");
	}

	@Test
	void textIsTrimmedAndOrdinaryTextIsKept() {
		assertThat(OneLine.of("  \r\n  Halo  \t ")).isEqualTo("Halo");
		assertThat(OneLine.of("Siti Nurhaliza")).isEqualTo("Siti Nurhaliza");
		assertThat(OneLine.of("مرحبا بالعالم")).isEqualTo("مرحبا بالعالم");
		assertThat(OneLine.of("Ibu 👩‍🏫 Guru")).isEqualTo("Ibu 👩‍🏫 Guru");
		assertThat(OneLine.of("\u202E\r\n\u2028")).isEmpty();
		assertThat(OneLine.of(null)).isNull();
	}

}
