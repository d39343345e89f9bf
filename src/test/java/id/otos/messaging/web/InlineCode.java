package id.otos.messaging.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Content-Security-Policy ({@code script-src 'self'; style-src 'self'}) would
 * block in a page: a script element with code in it, a style element, a {@code style} or
 * {@code on...} attribute, a {@code javascript:} address. Read from the HTML as the
 * server sent it, tag by tag, with attribute values set aside so that text a person typed
 * into a value (escaped) is not taken for an attribute.
 */
final class InlineCode {

	private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>");

	private static final Pattern QUOTED_VALUE = Pattern.compile("\"[^\"]*\"|'[^']*'");

	private static final Pattern BLOCKED_ATTRIBUTE = Pattern.compile("(?i)(?:^|[\\s/])(on[a-z]+|style)\\s*=");

	private static final Pattern SCRIPT_ELEMENT = Pattern.compile("(?is)<script\\b([^>]*)>(.*?)</script\\s*>");

	private static final Pattern JAVASCRIPT_URL = Pattern
		.compile("(?i)\\s(?:href|src|action|formaction|data)\\s*=\\s*[\"']?\\s*javascript:");

	private InlineCode() {
	}

	/** What in the page the policy would block, described; empty when nothing. */
	static List<String> in(String html) {
		List<String> found = new ArrayList<>();
		Matcher tags = TAG.matcher(html);
		while (tags.find()) {
			String name = tags.group(1).toLowerCase(java.util.Locale.ROOT);
			String attributes = QUOTED_VALUE.matcher(tags.group(2)).replaceAll("\"\"");
			if (name.equals("style")) {
				found.add("a style element: " + tags.group());
			}
			Matcher blocked = BLOCKED_ATTRIBUTE.matcher(attributes);
			while (blocked.find()) {
				found.add("a " + blocked.group(1) + " attribute: " + tags.group());
			}
			if (JAVASCRIPT_URL.matcher(tags.group()).find()) {
				found.add("a javascript: address: " + tags.group());
			}
		}
		Matcher scripts = SCRIPT_ELEMENT.matcher(html);
		while (scripts.find()) {
			if (!scripts.group(2).isBlank() || !scripts.group(1).contains("src=")) {
				found.add("an inline script: " + scripts.group());
			}
		}
		return found;
	}

	static void assertNoneIn(String html, String page) {
		assertThat(in(html)).as("what the Content-Security-Policy would block on " + page).isEmpty();
	}

}
