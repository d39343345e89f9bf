package id.otos.messaging.web;

import id.otos.messaging.accounts.DjangoProperties;
import id.otos.messaging.accounts.DjangoSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Beside Django, log-out here is log-out from otos: the Django session's row is deleted
 * (what Django's own log-out does), and its cookie is cleared with the domain and path
 * Django set it with. This application's own session ends as at any log-out.
 */
final class DjangoLogOut implements LogoutHandler {

	/**
	 * The log-out form's address beside Django: under {@code /messages/}, which the proxy
	 * sends here.
	 */
	static final String PATH = "/messages/logout/";

	private final DjangoSessions sessions;

	private final DjangoProperties django;

	DjangoLogOut(DjangoSessions sessions, DjangoProperties django) {
		this.sessions = sessions;
		this.django = django;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		String key = DjangoSessionFilter.sessionKey(request, this.django.sessionCookieName());
		if (key == null) {
			return;
		}
		this.sessions.end(key);
		ResponseCookie cleared = ResponseCookie.from(this.django.sessionCookieName(), "")
			.domain(this.django.sessionCookieDomain())
			.path(this.django.sessionCookiePath())
			.maxAge(0)
			.httpOnly(true)
			.secure(request.isSecure())
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cleared.toString());
	}

}
