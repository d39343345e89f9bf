package id.otos.messaging.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.DjangoSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Beside Django, the log-in of every request: the person Django's session cookie is
 * logged in as ({@link DjangoSessions}), checked afresh at each request and never kept,
 * so that a log-out, expiry, new password or deactivation in Django ends the log-in here
 * at the next request.
 *
 * <p>
 * This application's own session (Spring Session) then holds only what a page needs
 * between requests: the CSRF token of its forms and the notice after a redirect. It is
 * bound to the Django session it was made under: a session made under another Django
 * session, or none, is ended when it comes with this one, and one bound to a Django
 * session comes with a request that has none. So a CSRF token never outlives the log-in
 * it was given to, and nobody can hand another browser a session whose token they know.
 */
class DjangoSessionFilter extends OncePerRequestFilter {

	/** The session attribute naming the Django session this session belongs to. */
	static final String BOUND_TO = DjangoSessionFilter.class.getName() + ".BOUND_TO";

	private final DjangoSessions sessions;

	private final String cookieName;

	private final SecurityContextRepository contextRepository;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	DjangoSessionFilter(DjangoSessions sessions, String cookieName, SecurityContextRepository contextRepository) {
		this.sessions = sessions;
		this.cookieName = cookieName;
		this.contextRepository = contextRepository;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = sessionKey(request, this.cookieName);
		Optional<CurrentUser> user = (key != null) ? this.sessions.loggedIn(key) : Optional.empty();
		String binding = user.isPresent() ? binding(key) : null;
		HttpSession ours = request.getSession(false);
		if (ours != null && !Objects.equals(ours.getAttribute(BOUND_TO), binding)) {
			ours.invalidate();
		}
		if (user.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context
			.setAuthentication(new PreAuthenticatedAuthenticationToken(user.get(), null, user.get().getAuthorities()));
		this.contexts.setContext(context);
		this.contextRepository.saveContext(context, request, response);
		request.setAttribute(DjangoSessions.LOG_IN_ATTRIBUTE, key);
		chain.doFilter(new BoundSessions(request, binding), response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return AssetsConfiguration.isAsset(request);
	}

	/**
	 * The value of Django's session cookie: the last one of that name, as Django reads
	 * the {@code Cookie} header.
	 * @param request the request
	 * @param name the cookie's name
	 * @return its value, or {@code null}
	 */
	static String sessionKey(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		String value = null;
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (cookie.getName().equals(name)) {
					value = cookie.getValue();
				}
			}
		}
		return value;
	}

	/**
	 * What this application's session keeps of the Django session: a digest, not the key.
	 */
	private static String binding(String sessionKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionKey.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** A request whose new session is bound to the Django session as it is created. */
	private static final class BoundSessions extends HttpServletRequestWrapper {

		private final String binding;

		BoundSessions(HttpServletRequest request, String binding) {
			super(request);
			this.binding = binding;
		}

		@Override
		public HttpSession getSession() {
			return getSession(true);
		}

		@Override
		public HttpSession getSession(boolean create) {
			HttpSession session = super.getSession(create);
			if (session != null && session.getAttribute(BOUND_TO) == null) {
				session.setAttribute(BOUND_TO, this.binding);
			}
			return session;
		}

	}

}
