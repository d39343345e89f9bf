package id.otos.messaging.notifications;

import java.time.Duration;

import id.otos.messaging.accounts.DjangoSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * The session a stream was opened in, as the stream remembers it: the session's id, and
 * the name Spring Session indexes it under (the log-in's name as the session stored it,
 * which stays the same when the account's e-mail changes later), so that
 * {@link StreamSessions} can find the person's sessions again in one query and tell
 * whether this one still exists.
 *
 * <p>
 * Beside Django the log-in is Django's session, not this application's: the stream then
 * remembers the Django session's key ({@code djangoKey}), which {@link StreamSessions}
 * asks Django's sessions about instead.
 *
 * @param id the session's id, or {@code null} if the request had none
 * @param principalName the name the session is indexed under, or {@code null}
 * @param djangoKey the key of the Django session the request was logged in by, or
 * {@code null} when the log-in is this application's own
 */
record StreamSession(String id, String principalName, String djangoKey) {

	/** A stream of a request without a session. */
	static final StreamSession NONE = new StreamSession(null, null, null);

	/**
	 * What tells the stream's session from the person's others, for the per-session cap:
	 * the Django session's key beside Django, else this application's session id.
	 * @return the session's identity, or {@code null} if the request had none
	 */
	String identity() {
		return (this.djangoKey != null) ? this.djangoKey : this.id;
	}

	/**
	 * The session of the request.
	 * @param request a stream's request
	 * @return its session, or {@link #NONE}
	 */
	static StreamSession of(HttpServletRequest request) {
		String djangoKey = (request.getAttribute(DjangoSessions.LOG_IN_ATTRIBUTE) instanceof String key) ? key : null;
		HttpSession session = request.getSession(false);
		if (session == null) {
			return (djangoKey != null) ? new StreamSession(null, null, djangoKey) : NONE;
		}
		return new StreamSession(session.getId(), indexedName(session), djangoKey);
	}

	/**
	 * How long a stream of the request may last: {@code lifetime}, or less if its session
	 * would expire sooner without activity.
	 * @param request a stream's request
	 * @param lifetime the longest a stream lasts
	 * @return how long the stream may last
	 */
	static Duration lifetime(HttpServletRequest request, Duration lifetime) {
		HttpSession session = request.getSession(false);
		if (session == null || session.getMaxInactiveInterval() <= 0) {
			return lifetime;
		}
		long expiresAt = session.getLastAccessedTime() + session.getMaxInactiveInterval() * 1000L;
		Duration left = Duration.ofMillis(Math.max(0, expiresAt - System.currentTimeMillis()));
		return (left.compareTo(lifetime) < 0) ? left : lifetime;
	}

	/** The name Spring Session's principal-name index holds for the session. */
	private static String indexedName(HttpSession session) {
		if (session.getAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME) instanceof String name) {
			return name;
		}
		if (session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
				&& context.getAuthentication() != null) {
			return context.getAuthentication().getName();
		}
		return null;
	}

}
