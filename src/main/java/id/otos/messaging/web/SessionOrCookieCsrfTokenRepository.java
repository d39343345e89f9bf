package id.otos.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Where the CSRF token of the forms is kept: in the session of someone who is logged in,
 * and, for someone who is not (the log-in form), in an HttpOnly cookie that the form's
 * token must match (double submission), so that a visit that does not log in writes no
 * session. A browser with a session never uses the cookie: a token planted in a cookie
 * cannot stand in for a logged-in person's. Log-in and log-out drop both, and the next
 * page gets a new token (in the new session after log-in).
 *
 * <p>
 * The cost: a cookie-kept token protects only against sites that cannot set cookies for
 * this one (a sibling subdomain could), and only the log-in and log-out forms are sent
 * without a session; a forged log-in could at worst log a browser in as the forger.
 */
final class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {

	/** The cookie that keeps the token of someone who is not logged in. */
	static final String COOKIE = "otos_csrf";

	private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokenRepository() {
		this.cookies.setCookieName(COOKIE);
		this.cookies.setHeaderName("X-CSRF-TOKEN");
		this.cookies.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.sessions.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			this.sessions.saveToken(null, request, response);
			if (WebUtils.getCookie(request, COOKIE) != null) {
				this.cookies.saveToken(null, request, response);
			}
		}
		else if (hasSession(request)) {
			this.sessions.saveToken(token, request, response);
		}
		else {
			this.cookies.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return hasSession(request) ? this.sessions.loadToken(request) : this.cookies.loadToken(request);
	}

	private static boolean hasSession(HttpServletRequest request) {
		return request.getSession(false) != null;
	}

}
