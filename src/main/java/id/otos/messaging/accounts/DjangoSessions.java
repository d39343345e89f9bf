package id.otos.messaging.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import id.otos.messaging.accounts.django.DjangoSecret;
import id.otos.messaging.accounts.django.SessionAuthHash;
import id.otos.messaging.accounts.django.SessionClaims;
import id.otos.messaging.accounts.django.SignedSessionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Django's sessions as the log-in of this application (Django mode, see
 * {@link DjangoProperties}): a session key from Django's cookie is a logged-in person
 * exactly when Django itself would take it for one. Its row in {@code django_session}
 * exists and has not expired, its data is signed with Django's secret (or a fallback), it
 * names a user who exists and may log in as otos's accounts may ({@link AccountHome}:
 * active, with a verified e-mail address), was logged in by an accepted backend, and its
 * password fingerprint matches the user's password as stored now.
 *
 * <p>
 * Both the session and the account are read from the database at every request, never
 * kept: Django changes them (log-out, expiry, a new password, deactivation) without
 * telling this application, and the next request must already see it. That costs two
 * primary-key lookups per request (one when there is no such session) and nothing in
 * memory; a cookie that is no session key costs no query.
 */
@Service
public class DjangoSessions {

	/** Django's session keys: 32 characters of {@code [a-z0-9]}. */
	private static final Pattern SESSION_KEY = Pattern.compile("[a-z0-9]{32}");

	private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

	/**
	 * The request attribute that holds the key of the Django session a request is logged
	 * in by, for what outlives the request (a live-update stream checks it again later).
	 */
	public static final String LOG_IN_ATTRIBUTE = DjangoSessions.class.getName() + ".LOG_IN";

	/** Sessions checked per statement by {@link #stillLoggedIn}. */
	private static final int BATCH = 1000;

	private static final Logger logger = LoggerFactory.getLogger(DjangoSessions.class);

	private final DjangoProperties properties;

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final Clock clock;

	private final SignedSessionData sessionData;

	private final SessionAuthHash authHash;

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

	private final AccountHome home;

	DjangoSessions(DjangoProperties properties, JdbcClient jdbc, UserRepository users, Clock clock, JsonMapper json,
			AccountHome home) {
		this.home = home;
		this.properties = properties;
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
		DjangoSecret secret = properties.enabled()
				? new DjangoSecret(properties.secretKey(), properties.secretKeyFallbacks()) : null;
		this.sessionData = (secret != null) ? new SignedSessionData(secret, json) : null;
		this.authHash = (secret != null) ? new SessionAuthHash(secret) : null;
	}

	/** Whether Django's session is the log-in (Django mode). */
	public boolean enabled() {
		return this.properties.enabled();
	}

	/**
	 * The person a Django session is logged in as. A key that is not a Django session key
	 * (too long, other characters) is refused before any query.
	 * @param sessionKey the value of Django's session cookie
	 * @return the person, or empty if the session is not a log-in Django would accept
	 */
	public Optional<CurrentUser> loggedIn(String sessionKey) {
		requireEnabled();
		if (!isSessionKey(sessionKey)) {
			return Optional.empty();
		}
		Optional<String> data = this.jdbc
			.sql("select session_data from django_session where session_key = :key and expire_date > :now")
			.param("key", sessionKey)
			.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.query(String.class)
			.optional();
		if (data.isEmpty()) {
			return Optional.empty();
		}
		return logIn(data.get(), this.users::findById);
	}

	/**
	 * Which of these Django sessions are still a log-in as the person they were opened
	 * as, by the rule of {@link #loggedIn}, in two statements per thousand sessions: for
	 * what outlives a request (live-update streams), since Django ends sessions without
	 * telling this application.
	 * @param persons each session key and the person it was a log-in as
	 * @return the keys that still are
	 */
	public Set<String> stillLoggedIn(Map<String, Long> persons) {
		requireEnabled();
		List<String> keys = persons.keySet().stream().filter(DjangoSessions::isSessionKey).toList();
		Set<String> loggedIn = new HashSet<>();
		for (int from = 0; from < keys.size(); from += BATCH) {
			Map<String, String> data = new HashMap<>();
			this.jdbc
				.sql("select session_key, session_data from django_session"
						+ " where session_key in (:keys) and expire_date > :now")
				.param("keys", keys.subList(from, Math.min(keys.size(), from + BATCH)))
				.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.query((rs) -> {
					data.put(rs.getString("session_key"), rs.getString("session_data"));
				});
			Map<Long, User> users = new HashMap<>();
			this.users.findAllById(data.keySet().stream().map(persons::get).toList())
				.forEach((user) -> users.put(user.getId(), user));
			data.forEach((key, sessionData) -> logIn(sessionData, (id) -> Optional.ofNullable(users.get(id)))
				.filter((person) -> person.id() == persons.get(key))
				.ifPresent((person) -> loggedIn.add(key)));
		}
		return loggedIn;
	}

	/** The person a session's data is a log-in as, by the rule of {@link #loggedIn}. */
	private Optional<CurrentUser> logIn(String data, Function<Long, Optional<User>> users) {
		Optional<SessionClaims> claims = this.sessionData.claims(data);
		if (claims.isEmpty()) {
			if (!this.sessionData.isSigned(data)) {
				warnOfUnsignedSession();
			}
			return Optional.empty();
		}
		return claims.filter((logIn) -> this.properties.authenticationBackends().contains(logIn.backend()))
			.flatMap((logIn) -> users.apply(logIn.userId())
				.filter((user) -> this.authHash.matches(logIn.authHash(), user.getPassword())))
			.map((user) -> Accounts.withoutPassword(user, this.home))
			.filter(CurrentUser::isEnabled);
	}

	/**
	 * Ends a Django session, as Django's log-out does: its row is deleted, so Django no
	 * longer takes the cookie for a log-in either.
	 * @param sessionKey the value of Django's session cookie
	 */
	@Transactional
	public void end(String sessionKey) {
		requireEnabled();
		if (isSessionKey(sessionKey)) {
			this.jdbc.sql("delete from django_session where session_key = :key").param("key", sessionKey).update();
		}
	}

	private static boolean isSessionKey(String sessionKey) {
		return sessionKey != null && SESSION_KEY.matcher(sessionKey).matches();
	}

	private void requireEnabled() {
		if (this.sessionData == null) {
			throw new IllegalStateException("Django sessions are read only when otos.django.secret-key is set");
		}
	}

	/**
	 * A session row whose data is not signed with the secret: either someone wrote it who
	 * does not know the secret, or (far more often) {@code otos.django.secret-key} is not
	 * Django's {@code SECRET_KEY}, and then nobody is logged in here. Said at most once a
	 * minute, without the session key.
	 */
	private void warnOfUnsignedSession() {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		if (now - last >= WARNING_INTERVAL_NANOS && this.lastWarning.compareAndSet(last, now)) {
			logger.warn("A django_session row is not signed with otos.django.secret-key or its fallbacks: "
					+ "is otos.django.secret-key Django's SECRET_KEY?");
		}
	}

}
