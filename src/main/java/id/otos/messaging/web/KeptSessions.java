package id.otos.messaging.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.otos.messaging.accounts.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * The logged-in sessions this node read from the store lately, so that a request of one
 * of them costs no statement and no deserialization (decision 22). What is kept is a copy
 * that nobody changes: each request gets a copy of its own, and a request that changes
 * its session reads it from the store again first and writes it there, after which the
 * kept copy is forgotten.
 *
 * <p>
 * Kept copies are bounded in number ({@code maxSessions}, least used dropped) and in time
 * ({@code keptFor} after they were read): a session ended on another node without a word
 * reaching this one is used here for {@code keptFor} at most. A log-out on any node
 * reaches every node as a signal, which forgets the person's kept sessions at once
 * ({@link #forgetSessionsOf}); when signals may have been lost, everything kept is
 * forgotten ({@link #forgetAll}). Deactivation and a new password need nothing of this:
 * {@link AccountSessionFilter} asks the account again at every request.
 *
 * <p>
 * Only sessions whose every attribute is a value nobody changes in place are kept (the
 * security context, copied per request, a CSRF token, strings, numbers, a locale); a
 * session holding anything else (a flash message on its way to the next page, a saved
 * request) is read from the store at every request, as before, until it holds it no more.
 */
final class KeptSessions {

	private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Integer.class, Long.class,
			Locale.class, DefaultCsrfToken.class);

	private final Cache<String, Kept> kept;

	private final boolean enabled;

	/**
	 * Keeps up to {@code maxSessions} sessions, each for {@code keptFor} after it was
	 * read; {@code keptFor} zero keeps none.
	 * @param maxSessions how many sessions are kept at most
	 * @param keptFor how long a session read from the store is used without reading it
	 * again
	 */
	KeptSessions(long maxSessions, Duration keptFor) {
		this.enabled = !keptFor.isZero() && maxSessions > 0;
		this.kept = Caffeine.newBuilder().maximumSize(Math.max(maxSessions, 0)).expireAfterWrite(keptFor).build();
	}

	/**
	 * A copy of the kept session for one request, or {@code null} if it is not kept or
	 * has expired.
	 * @param id the session's id
	 * @return a copy the request may change, or {@code null}
	 */
	MapSession find(String id) {
		Kept found = this.kept.getIfPresent(id);
		if (found == null) {
			return null;
		}
		if (found.session.isExpired()) {
			this.kept.invalidate(id);
			return null;
		}
		return copy(found.session);
	}

	/**
	 * Keeps a copy of a session just read from the store, if it belongs to someone logged
	 * in and holds only values nobody changes in place.
	 * @param session the session as stored
	 */
	void keep(Session session) {
		if (!this.enabled) {
			return;
		}
		long personId = personOf(session);
		if (personId == 0) {
			return;
		}
		for (String name : session.getAttributeNames()) {
			if (!keepable(session.getAttribute(name))) {
				return;
			}
		}
		this.kept.put(session.getId(), new Kept(copy(session), personId));
	}

	/** The session was changed or deleted here: the next request reads it again. */
	void forget(String id) {
		this.kept.invalidate(id);
	}

	/**
	 * One of the person's sessions ended somewhere (a log-out on some node): the next
	 * request of each of their sessions reads it from the store again.
	 * @param personId the person
	 */
	void forgetSessionsOf(long personId) {
		this.kept.asMap().values().removeIf((kept) -> kept.personId == personId);
	}

	/** Signals may have been lost: every session is read from the store again. */
	void forgetAll() {
		this.kept.invalidateAll();
	}

	/** How many sessions are kept now (for tests). */
	long size() {
		this.kept.cleanUp();
		return this.kept.estimatedSize();
	}

	private static MapSession copy(Session session) {
		MapSession copy = new MapSession(session);
		Object context = copy.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context instanceof SecurityContext security) {
			copy.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
					new SecurityContextImpl(security.getAuthentication()));
		}
		return copy;
	}

	private static long personOf(Session session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context instanceof SecurityContext security) {
			Authentication authentication = security.getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser person) {
				return person.id();
			}
		}
		return 0;
	}

	private static boolean keepable(Object value) {
		return value == null || VALUES.contains(value.getClass()) || value.getClass() == SecurityContextImpl.class;
	}

	private record Kept(MapSession session, long personId) {
	}

}
