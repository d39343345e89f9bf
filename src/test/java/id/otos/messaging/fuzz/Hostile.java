package id.otos.messaging.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import id.otos.messaging.accounts.PictureSamples;
import id.otos.messaging.attachments.ArchiveBombs;

import org.springframework.mock.web.MockMultipartFile;

/**
 * Hostile values from one seeded {@link Random}: the same seed gives the same values in
 * the same order, so a failure is reproduced by running again with
 * {@code -Dotos.fuzz.seed=<the printed seed>}. Plain {@code Random} rather than a
 * property-testing library because the harness sends thousands of requests through one
 * application and one database whose state each request advances: what it needs is a
 * reproducible stream of nasty values, not shrinking of independent examples.
 */
final class Hostile {

	/** Characters that have broken text handling somewhere before. */
	private static final String[] ODD = { "\u0000", "\u202E", "\u202D", "\u2066", "\u200B", "\u200D", "\uFEFF",
			"\u0301\u0301\u0301", "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD800",
			"\uDFFF", "\uFFFF", "\uFFFE", "\r\n", "\t", "\u0085", "\u2028", "\u00A0", "\u3000", "ǅ", "ß", "İ", "ﷺ",
			"\uD834\uDD1E", "<script>", "\"'><", "&amp;", "%00", "%s%n", "${7*7}", "#{7*7}", "*{7*7}", "[[${7}]]",
			"'; drop table x;--", "\\", "../../", "\u0000\u0000", "\u001B[31m", "\u0007" };

	private static final String[] WORDS = { "soal", "tolong", "Matematika", "guru", "siswa", "kenapa", "bagaimana",
			"جواب", "答案", "ответ", "שאלה", "x" };

	private static final String[] NUMBERS = { "0", "-1", "-0", "1", "2", "9223372036854775807", "9223372036854775808",
			"-9223372036854775808", "-9223372036854775809", "99999999999999999999", "1e40", "1E3", "1.5", "NaN",
			"Infinity", "0x10", "+7", " 7 ", "7 ", "٣", "１", "abc", "", " ", "null", "undefined", "[]", "{}", "true",
			"2147483648", "-2147483649", "\u00007", "7\u0000", "１２３", "1_000", "2147483647", "107374183", "999999999" };

	private final long seed;

	private final Random random;

	private byte[] oversized;

	private byte[] archiveBomb;

	private byte[] archiveBombWithLyingHeader;

	Hostile(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	long seed() {
		return this.seed;
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	int between(int from, int to) {
		return from + this.random.nextInt(to - from + 1);
	}

	@SafeVarargs
	final <T> T oneOf(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	<T> T oneOf(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/**
	 * Text for a free-text field: usually something a person might type (so the request
	 * gets past validation and reaches the database), otherwise empty, blank, overlong or
	 * full of odd characters.
	 */
	String text() {
		return switch (this.random.nextInt(10)) {
			case 0 -> oneOf("", " ", "\t\n", "\u200B", "\u00A0\u3000");
			case 1 -> overlong();
			case 2, 3 -> odd(between(1, 12));
			case 4 -> oneOf(NUMBERS);
			default -> words() + (chance(0.5) ? odd(between(1, 3)) : "");
		};
	}

	/** Text that a person might type, with odd characters mixed in. */
	String words() {
		StringBuilder text = new StringBuilder();
		int count = between(1, 6);
		for (int i = 0; i < count; i++) {
			text.append(i == 0 ? "" : " ").append(oneOf(WORDS));
		}
		return text.toString();
	}

	/** Only odd characters and markup. */
	String odd(int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(oneOf(ODD));
		}
		return text.toString();
	}

	/**
	 * Ten thousand to a million characters (mostly at the small end, as each one travels
	 * through the whole application).
	 */
	String overlong() {
		int length = chance(0.05) ? 1_000_000 : between(10_000, 60_000);
		String unit = oneOf("a", "é", "\uD83D\uDE00", "e\u0301", "\u0000", "<b>", "a ");
		return unit.repeat(Math.max(1, length / unit.length()));
	}

	/**
	 * Invisible characters and those an e-mail never has, that a person or a guesser may
	 * put into the e-mail field: controls (NUL, tab, CR, LF, NEL, ESC, DEL), format
	 * characters (zero-width space, joiner and non-joiner, word joiner, byte order mark,
	 * soft hyphen, bidi marks, embeddings, overrides and isolates), separators and
	 * spaces.
	 */
	private static final String[] UNSEEN = { " ", "\t", "\r", "\n", "\r\n", "\u0000", "\u000B", "\u000C", "\u001B",
			"\u007F", "\u0085", "\u00A0", "\u00AD", "\u034F", "\u061C", "\u115F", "\u180E", "\u2000", "\u200A",
			"\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2028", "\u2029", "\u202A", "\u202C", "\u202E",
			"\u202F", "\u205F", "\u2060", "\u2066", "\u2069", "\u3000", "\u3164", "\uFE0F", "\uFEFF" };

	/** Cyrillic and Greek letters that look like the Latin letter they follow. */
	private static final String LOOKALIKES = "a\u0430e\u0435o\u043Es\u0455i\u0456c\u0441p\u0440x\u0445y\u0443o\u03BFt\u03C4u\u03C5";

	/**
	 * The e-mail as it may arrive for the same account: letters in another case, in
	 * full-width or mathematical bold form, with invisible characters and spaces at the
	 * ends and inside. Every such variant must find the same account and count towards
	 * its one lock.
	 */
	String sameLogIn(String email) {
		StringBuilder variant = new StringBuilder();
		if (chance(0.5)) {
			variant.append(oneOf(UNSEEN));
		}
		for (int i = 0; i < email.length(); i++) {
			char c = email.charAt(i);
			switch (this.random.nextInt(8)) {
				case 0 -> variant.append(Character.toUpperCase(c));
				case 1 -> variant.appendCodePoint(fullWidth(c));
				case 2 -> variant.appendCodePoint(bold(c));
				case 3 -> variant.append(c).append(oneOf(UNSEEN));
				default -> variant.append(c);
			}
		}
		if (chance(0.5)) {
			variant.append(oneOf(UNSEEN));
		}
		return variant.toString();
	}

	/**
	 * The e-mail with one or more letters replaced by a Cyrillic or Greek one that looks
	 * the same: another account's name at most, never this account's.
	 */
	String lookAlike(String typed) {
		String email = typed.toLowerCase(Locale.ROOT);
		List<Integer> letters = new ArrayList<>();
		for (int i = 0; i < email.length(); i++) {
			if (LOOKALIKES.indexOf(email.charAt(i)) % 2 == 0) {
				letters.add(i);
			}
		}
		if (letters.isEmpty()) {
			throw new IllegalArgumentException(email + " has no letter with a look-alike");
		}
		StringBuilder variant = new StringBuilder(email);
		int swaps = between(1, Math.min(3, letters.size()));
		for (int i = 0; i < swaps; i++) {
			int at = oneOf(letters);
			List<Character> twins = new ArrayList<>();
			for (int j = 0; j < LOOKALIKES.length(); j += 2) {
				if (LOOKALIKES.charAt(j) == email.charAt(at)) {
					twins.add(LOOKALIKES.charAt(j + 1));
				}
			}
			variant.setCharAt(at, oneOf(twins));
		}
		return variant.toString();
	}

	/** The full-width form of a printable ASCII character (U+FF01 to U+FF5E). */
	static int fullWidth(char c) {
		return (c > ' ' && c <= '~') ? c - 0x21 + 0xFF01 : c;
	}

	/**
	 * The mathematical bold form of a letter or digit, the character itself otherwise.
	 */
	static int bold(char c) {
		if (c >= 'a' && c <= 'z') {
			return 0x1D41A + (c - 'a');
		}
		if (c >= 'A' && c <= 'Z') {
			return 0x1D400 + (c - 'A');
		}
		if (c >= '0' && c <= '9') {
			return 0x1D7CE + (c - '0');
		}
		return c;
	}

	/** Something for a numeric field: wrong types, signs, overflows, odd digits. */
	String number() {
		return chance(0.3) ? text() : oneOf(NUMBERS);
	}

	/** An id: usually one of those given (own or foreign), otherwise any number. */
	String id(long... known) {
		if (known.length > 0 && chance(0.6)) {
			return String.valueOf(known[this.random.nextInt(known.length)]);
		}
		return number();
	}

	/** One of the valid codes, otherwise a near miss or garbage. */
	String choice(String... valid) {
		return switch (this.random.nextInt(8)) {
			case 0 -> oneOf(valid).toUpperCase();
			case 1 -> " " + oneOf(valid) + "\u0000";
			case 2 -> text();
			case 3 -> oneOf("", "info", "deleted", "__proto__", "open,closed", "open;closed");
			default -> oneOf(valid);
		};
	}

	/**
	 * A file for an upload field: a real small picture, or one that lies about its type,
	 * is empty, oversized (over the given limit) or named hostilely.
	 * @param field the form field's name
	 * @param limit the application's limit for the field, in bytes
	 * @return the file
	 */
	MockMultipartFile file(String field, long limit) {
		String name = switch (this.random.nextInt(6)) {
			case 0 -> "soal.png";
			case 1 -> "../../etc/passwd";
			case 2 -> odd(between(1, 6)) + ".png";
			case 3 -> "";
			case 4 -> "a".repeat(between(200, 5000)) + ".pdf";
			default -> oneOf("virus.exe", "page.html", "x.svg", "gambar.jpg", "catatan.txt", "dokumen.pdf");
		};
		String type = oneOf("image/png", "application/octet-stream", "text/html", "image/svg+xml",
				"application/x-msdownload", "", "image/png; charset=\u0000", "multipart/form-data");
		byte[] content = switch (this.random.nextInt(10)) {
			case 0 -> PictureSamples.png();
			case 1 -> "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
			case 2 ->
				"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
			case 3 -> new byte[0];
			case 4 -> oversized(limit);
			case 5 -> "%PDF-1.4\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
			case 6 -> "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
			case 7 -> archiveBomb();
			case 8 -> archiveBombWithLyingHeader();
			default -> PictureSamples.gif();
		};
		return new MockMultipartFile(field, name, type, content);
	}

	/** A Word document of 2 MB that unpacks to 2 GB, made once. */
	private byte[] archiveBomb() {
		if (this.archiveBomb == null) {
			this.archiveBomb = ArchiveBombs.wordDocumentOfZeros(2, 1024);
		}
		return this.archiveBomb;
	}

	/** A Word document whose local header says 16 bytes for 1 GB, made once. */
	private byte[] archiveBombWithLyingHeader() {
		if (this.archiveBombWithLyingHeader == null) {
			this.archiveBombWithLyingHeader = ArchiveBombs.wordDocumentWhoseLocalHeaderLies(1024);
		}
		return this.archiveBombWithLyingHeader;
	}

	/** One byte over the largest limit asked for so far, made once. */
	private byte[] oversized(long limit) {
		if (this.oversized == null || this.oversized.length <= limit) {
			byte[] png = PictureSamples.png();
			this.oversized = Arrays.copyOf(png, (int) limit + 1);
		}
		return this.oversized;
	}

}
