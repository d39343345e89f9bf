package id.otos.messaging.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.DjangoSessions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Tells which of a person's streams belong to a session that has ended: logged out,
 * expired, or no longer valid for the account as it is now (deactivated, deleted, or its
 * password changed since that session logged in). The same rule as every request's
 * ({@link CurrentUser#mayContinueAs}), asked of the session as the session store holds
 * it, so it works for sessions ended on any node. One query for the person's sessions
 * (Spring Session's principal-name index) and one account lookup, whatever the number of
 * streams.
 */
@Component
class StreamSessions {

	private final Accounts accounts;

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	private final DjangoSessions django;

	StreamSessions(Accounts accounts, ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
			DjangoSessions django) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.django = django;
	}

	/**
	 * The streams whose Django session is no longer a log-in as their person (Django
	 * ended it, it expired, the password changed, the account was deactivated): Django
	 * tells this application nothing, so it is asked, for every stream at once.
	 * @param streams streams of any people
	 * @return those that must end
	 */
	List<LiveStream> endedBesideDjango(List<LiveStream> streams) {
		Map<String, Long> persons = new HashMap<>();
		streams.stream()
			.filter((stream) -> stream.session().djangoKey() != null)
			.forEach((stream) -> persons.put(stream.session().djangoKey(), stream.personId()));
		if (persons.isEmpty()) {
			return List.of();
		}
		Set<String> loggedIn = this.django.stillLoggedIn(persons);
		return streams.stream()
			.filter((stream) -> stream.session().djangoKey() != null)
			.filter((stream) -> !loggedIn.contains(stream.session().djangoKey()))
			.toList();
	}

	/**
	 * The streams, all of one person, whose session has ended.
	 * @param personId the person
	 * @param streams their streams on this node
	 * @return those that must end
	 */
	List<LiveStream> ended(long personId, List<LiveStream> streams) {
		Optional<CurrentUser> now = this.accounts.currentUser(personId);
		if (now.isEmpty() || !now.get().isEnabled()) {
			return streams;
		}
		List<LiveStream> besideDjango = endedBesideDjango(streams);
		List<LiveStream> own = streams.stream().filter((stream) -> stream.session().djangoKey() == null).toList();
		if (own.isEmpty()) {
			return besideDjango;
		}
		FindByIndexNameSessionRepository<? extends Session> repository = this.sessions.getIfAvailable();
		if (repository == null) {
			return besideDjango;
		}
		Map<String, Session> stored = new HashMap<>();
		own.stream()
			.map((stream) -> stream.session().principalName())
			.filter(Objects::nonNull)
			.distinct()
			.forEach((name) -> stored.putAll(repository
				.findByIndexNameAndIndexValue(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, name)));
		List<LiveStream> ended = new ArrayList<>(besideDjango);
		own.stream().filter((stream) -> !mayGoOn(stream.session(), stored, now.get())).forEach(ended::add);
		return ended;
	}

	private static boolean mayGoOn(StreamSession session, Map<String, Session> stored, CurrentUser now) {
		if (session.id() == null) {
			return true;
		}
		Session found = stored.get(session.id());
		if (found == null || found.isExpired()) {
			return false;
		}
		return found.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
				&& context.getAuthentication() != null
				&& context.getAuthentication().getPrincipal() instanceof CurrentUser loggedIn
				&& loggedIn.mayContinueAs(now);
	}

}
