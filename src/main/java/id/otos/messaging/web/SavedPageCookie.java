package id.otos.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The page someone asked for before logging in, kept in a cookie rather than a session (a
 * visit that does not log in writes no session), so that log-in can show it. Only pages
 * (GET) are kept. The cookie is the browser's to change: Spring Security uses only a
 * relative path from it, and where that leads is only ever a path on this site
 * ({@link SameSiteRedirects}); a value Spring's URI parser refuses with an exception
 * (such as {@code /%zz}) is dropped as if there were none, instead of failing every
 * request that carries it.
 */
final class SavedPageCookie extends CookieRequestCache {

	SavedPageCookie() {
		setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"));
		setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
	}

	@Override
	public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
		try {
			return super.getRequest(request, response);
		}
		catch (RuntimeException unreadable) {
			removeRequest(request, response);
			return null;
		}
	}

}
