package id.otos.messaging.text;

import java.util.regex.Pattern;

/**
 * Text that people give and others see on one line: a thread's title, a person's or a
 * category's name. It cannot break a line or reorder what is shown around it, so it
 * cannot pose as the system's own lines, on a page or in a plain-text e-mail: every run
 * of line breaks (CR, LF, NEL, U+2028, U+2029), tabs, other control characters and spaces
 * becomes one space, the bidirectional controls (U+061C, U+200E, U+200F, U+202A to
 * U+202E, U+2066 to U+2069) are removed, and the ends are trimmed. Such characters are
 * removed rather than refused: they come from pasting far more often than from malice,
 * and what is left reads the same.
 */
public final class OneLine {

	/** Controls (Cc: tab, CR, LF, NEL, ...), separators and whitespace of any kind. */
	private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\s]+");

	private static final Pattern BIDI_CONTROLS = Pattern
		.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

	private OneLine() {
	}

	/**
	 * The text on one line, or {@code null} for {@code null}.
	 * @param text what was typed or stored
	 * @return the text without line breaks, controls and bidirectional controls, trimmed
	 */
	public static String of(String text) {
		if (text == null) {
			return null;
		}
		String ordered = BIDI_CONTROLS.matcher(text).replaceAll("");
		return BREAKS.matcher(ordered).replaceAll(" ").strip();
	}

}
