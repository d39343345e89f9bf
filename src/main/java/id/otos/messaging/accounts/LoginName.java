package id.otos.messaging.accounts;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The e-mail address a person logs in with, as one value for everything that needs it:
 * the account it finds, the key its failed log-ins are counted under, and the address an
 * account is stored with. Whatever the e-mail field carries, the same account gets the
 * same name:
 * <ul>
 * <li>characters no e-mail address has are removed: controls (NUL, tab, CR, LF...),
 * format characters (zero-width space and joiners, byte order mark, soft hyphen, bidi
 * marks and overrides), line and paragraph separators, every kind of space, and the other
 * characters Unicode says are default-ignorable (such as variation selectors and
 * fillers);</li>
 * <li>compatibility forms are folded (Unicode NFKC: full-width and mathematical letters,
 * ligatures, the Kelvin sign) and letters lower-cased, until nothing changes;</li>
 * <li>the name is cut to {@value #LONGEST} characters, the longest e-mail address there
 * is (and, before all that, overlong input to four times that, so that a megabyte costs
 * no more than an address).</li>
 * </ul>
 * Letters of another alphabet that merely look like Latin ones (a Cyrillic {@code а} in
 * {@code siswа@otos.test}) are not folded: such a name is another account's, never this
 * one's. A name that {@link #mixesScripts() mixes scripts} that way is refused at log-in
 * and for new accounts, so that nobody is misled by it.
 *
 * @param value the normalised name; whatever is given is normalised, so every instance
 * holds a normalised name
 */
public record LoginName(String value) {

	/** The longest e-mail address there is (RFC 5321's path limit less its brackets). */
	public static final int LONGEST = 254;

	private static final int LONGEST_READ = 4 * LONGEST;

	/**
	 * Sets of scripts a name may combine, after Unicode's "highly restrictive" level (UTS
	 * #39, section 5.2): one script, or Latin with the scripts written together in
	 * Chinese, Japanese and Korean.
	 */
	private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
			EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
			EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
			EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

	public LoginName {
		value = normalised(value);
	}

	/**
	 * The name an account is found and counted under.
	 * @param typed what the e-mail field carried, {@code null} for nothing
	 * @return the name
	 */
	public static LoginName of(String typed) {
		return new LoginName(typed);
	}

	/**
	 * Whether the name has letters of scripts that no real address combines, such as
	 * Latin with Cyrillic or Greek: the way to make an address that looks like another.
	 * @return {@code true} if it mixes scripts
	 */
	public boolean mixesScripts() {
		Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
		this.value.codePoints().mapToObj(UnicodeScript::of).forEach(scripts::add);
		scripts.removeAll(EnumSet.of(UnicodeScript.COMMON, UnicodeScript.INHERITED, UnicodeScript.UNKNOWN));
		return scripts.size() > 1 && ALLOWED_MIXES.stream().noneMatch((allowed) -> allowed.containsAll(scripts));
	}

	private static String normalised(String typed) {
		if (typed == null) {
			return "";
		}
		String name = withoutUnseen(cut(typed, LONGEST_READ));
		for (int round = 0; round < 4; round++) {
			String folded = withoutUnseen(Normalizer.normalize(
					Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC));
			if (folded.equals(name)) {
				break;
			}
			name = folded;
		}
		return cut(name, LONGEST);
	}

	private static String withoutUnseen(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().filter((c) -> !isUnseen(c)).forEach(kept::appendCodePoint);
		return kept.toString();
	}

	/**
	 * Controls, format characters, separators and spaces, lone surrogates, and the other
	 * default-ignorable code points of Unicode's {@code DerivedCoreProperties.txt}.
	 */
	private static boolean isUnseen(int c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.SPACE_SEPARATOR,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				true;
			default -> Character.isWhitespace(c) || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4
					|| c == 0x17B5 || (c >= 0x180B && c <= 0x180F) || (c >= 0x2060 && c <= 0x206F) || c == 0x3164
					|| (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8)
					|| (c >= 0xE0000 && c <= 0xE0FFF);
		};
	}

	/** The first characters of the text, not splitting a surrogate pair. */
	private static String cut(String text, int length) {
		if (text.length() <= length) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
		return text.substring(0, end);
	}

}
