package id.otos.messaging.questions;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The one policy for otos's rich text (question text, choices, explanations, written in
 * otos's editor): formatting, lists, tables, links and block quotes stay; scripts, event
 * handlers, styles, forms, frames and every other element or attribute go. Images stay
 * only when they point at otos's own media on this site ({@code /media/...}, which nginx
 * sends to Django): an image elsewhere would leak who reads the question to that host and
 * is refused by this site's Content-Security-Policy anyway. Links open outside with
 * {@code rel="nofollow noopener noreferrer"}.
 */
public final class QuestionHtml {

	private static final Pattern OTOS_MEDIA = Pattern.compile("/media/[A-Za-z0-9_./%-]+");

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("a")
			.allowAttributes("href")
			.onElements("a")
			.allowUrlProtocols("http", "https", "mailto")
			.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
			.allowElements("img")
			.allowAttributes("src")
			.matching((element, attribute, value) -> OTOS_MEDIA.matcher(value).matches() && !value.contains("..")
					? value : null)
			.onElements("img")
			.allowAttributes("alt")
			.onElements("img")
			.allowElements("sub", "sup", "hr", "pre", "code", "span")
			.toFactory());

	private QuestionHtml() {
	}

	/**
	 * The text as safe HTML to show as it is.
	 * @param html rich text from otos, or {@code null}
	 * @return the sanitized HTML, empty for {@code null}
	 */
	public static String sanitize(String html) {
		return (html == null) ? "" : POLICY.sanitize(html);
	}

}
