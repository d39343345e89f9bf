package id.otos.messaging.threads.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Shows a message's plain text as HTML: everything escaped, line breaks kept, web links
 * clickable (and opened without giving the target page a handle on ours).
 */
@Component
public class MessageText {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");

	/**
	 * The links are found in the text as it was typed and every piece, link or not, is
	 * escaped on its own, so nothing the escaping produced (an {@code &quot;}, a
	 * {@code &gt;}) is ever taken for part of a link or cut in half by one.
	 * @param text a message's text
	 * @return the text as HTML, safe to insert unescaped
	 */
	public String html(String text) {
		if (text == null) {
			return "";
		}
		Matcher links = LINK.matcher(text);
		StringBuilder html = new StringBuilder();
		int end = 0;
		while (links.find()) {
			html.append(escape(text.substring(end, links.start())));
			String url = escape(links.group());
			html.append("<a href=\"")
				.append(url)
				.append("\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">")
				.append(url)
				.append("</a>");
			end = links.end();
		}
		html.append(escape(text.substring(end)));
		return html.toString().replace("\r\n", "\n").replace("\n", "<br>");
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
