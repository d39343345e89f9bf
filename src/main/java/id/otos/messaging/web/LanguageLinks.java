package id.otos.messaging.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of the ID/EN switch: the page being shown with its query (an inbox's filters,
 * its page number) kept and only {@code lang} replaced. The links are relative
 * ({@code ?status=open&lang=en}), so they can name no other site; the query is passed on
 * as the browser sent it, and the template escapes it for the attribute.
 */
@ControllerAdvice
class LanguageLinks {

	@ModelAttribute("languageLinks")
	Links languageLinks(HttpServletRequest request) {
		String query = request.getQueryString();
		return new Links(to("id", query), to("en", query));
	}

	static String to(String language, String query) {
		UriComponentsBuilder link = UriComponentsBuilder.newInstance();
		if (query != null) {
			link.query(query);
		}
		return link.replaceQueryParam("lang", language).build().toUriString();
	}

	/** The link to the page in Indonesian and in English. */
	public record Links(String id, String en) {

	}

}
