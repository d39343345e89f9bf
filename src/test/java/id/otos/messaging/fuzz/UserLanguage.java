package id.otos.messaging.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text shown to someone is one of the application's own messages in their
 * language: every message of {@code messages.properties} (Indonesian) or
 * {@code messages_en.properties} (English) becomes a pattern whose arguments match
 * anything, and a text is in a language when it matches one of that language's patterns.
 * Raw exception text, an unresolved code or a message of the other language matches none.
 */
final class UserLanguage {

	private static final Pattern ARGUMENT = Pattern.compile("\\{[^{}]*(\\{[^{}]*\\}[^{}]*)*\\}");

	static final UserLanguage INDONESIAN = new UserLanguage("id", "/messages.properties");

	static final UserLanguage ENGLISH = new UserLanguage("en", "/messages_en.properties");

	private final String tag;

	private final List<Pattern> messages = new ArrayList<>();

	private UserLanguage(String tag, String resource) {
		this.tag = tag;
		Properties properties = new Properties();
		try (InputStream in = UserLanguage.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		properties.values().forEach((message) -> this.messages.add(pattern((String) message)));
	}

	String tag() {
		return this.tag;
	}

	UserLanguage other() {
		return (this == INDONESIAN) ? ENGLISH : INDONESIAN;
	}

	/** Whether the text is one of this language's messages, arguments filled in. */
	boolean speaks(String text) {
		String normalized = text.strip().replaceAll("\\s+", " ");
		return this.messages.stream().anyMatch((pattern) -> pattern.matcher(normalized).matches());
	}

	private static Pattern pattern(String message) {
		String text = message.replace("''", "'").strip().replaceAll("\\s+", " ");
		StringBuilder regex = new StringBuilder();
		Matcher arguments = ARGUMENT.matcher(text);
		int from = 0;
		while (arguments.find()) {
			regex.append(Pattern.quote(text.substring(from, arguments.start()))).append("(?s:.*?)");
			from = arguments.end();
		}
		regex.append(Pattern.quote(text.substring(from)));
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

}
