package id.otos.messaging.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;

/**
 * Where log-in sends the browser next: the page it asked for before (Spring Security's
 * saved request) or the start page, always as a path on this site. The saved request is
 * kept as a full address built from the {@code Host} the request came with; only its path
 * and query are used, so no host name, however a request was addressed, can take the
 * browser to another site, and anything that is not a plain path (a {@code //} or
 * {@code javascript:} address) leads to the start page.
 */
final class SameSiteRedirects implements RedirectStrategy {

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		this.redirects.sendRedirect(request, response, pathOf(url, request.getContextPath()));
	}

	/**
	 * The path and query of an address, relative to the application's context path.
	 * @param url an address, full or a path
	 * @param contextPath the application's context path, {@code ""} at the root
	 * @return a path starting with a single {@code /}, {@code "/"} for anything else
	 */
	static String pathOf(String url, String contextPath) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "/";
		}
		String path = uri.getRawPath();
		if (path == null || !path.startsWith("/") || path.startsWith("//")) {
			return "/";
		}
		if (!contextPath.isEmpty()) {
			if (!path.equals(contextPath) && !path.startsWith(contextPath + "/")) {
				return "/";
			}
			path = path.substring(contextPath.length());
		}
		if (path.isEmpty() || path.startsWith("//")) {
			return "/";
		}
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

}
