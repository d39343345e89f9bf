package id.otos.messaging.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import id.otos.messaging.accounts.DjangoProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Beside Django, the way to log in is Django's log-in page
 * ({@code otos.django.login-url}). A page asked for without a log-in sends the browser
 * there with {@code next} pointing back to it, as Django's {@code redirect_to_login}
 * does, so that after logging in the person is back where they were; after log-out here
 * the browser goes there too. {@code next} is only ever the path and query of this
 * request: a page of this site.
 */
final class DjangoLogInPage implements AuthenticationEntryPoint, LogoutSuccessHandler {

	private final String loginUrl;

	DjangoLogInPage(DjangoProperties django) {
		this.loginUrl = django.loginUrl();
	}

	/** A page that needs a log-in: to Django's log-in page, then back here. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		String query = request.getQueryString();
		String here = request.getRequestURI() + ((query != null) ? "?" + query : "");
		response.sendRedirect(withNext(here));
	}

	/** Logged out here: to Django's log-in page. */
	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		response.sendRedirect(this.loginUrl);
	}

	/**
	 * Django's log-in page with {@code next}, encoded as Django encodes it (everything
	 * but letters, digits, {@code _.-~} and {@code /} percent-encoded as UTF-8).
	 * @param next the path and query to come back to; anything that is not a path on this
	 * site is replaced by the inbox
	 * @return the address of the log-in page
	 */
	String withNext(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
			next = "/messages/";
		}
		StringBuilder encoded = new StringBuilder(next.length() + 16);
		for (byte b : next.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~/".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return this.loginUrl + (this.loginUrl.contains("?") ? "&" : "?") + "next=" + encoded;
	}

}
