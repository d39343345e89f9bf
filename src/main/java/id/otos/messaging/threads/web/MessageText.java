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

	public String html(String text) {
		if (text == null) {
			return "";
		}
		String escaped = HtmlUtils.htmlEscape(text, "UTF-8");
		Matcher links = LINK.matcher(escaped);
		StringBuilder html = new StringBuilder();
		while (links.find()) {
			String url = links.group();
			links.appendReplacement(html, Matcher.quoteReplacement(
					"<a href=\"" + url + "\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">" + url + "</a>"));
		}
		links.appendTail(html);
		return html.toString().replace("\r\n", "\n").replace("\n", "<br>");
	}

}
