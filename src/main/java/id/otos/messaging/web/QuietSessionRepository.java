package id.otos.messaging.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Spring Session's repository with one write fewer per request. Spring Session marks the
 * session as accessed at every request, and the JDBC repository writes that time back at
 * the end of each one: a read of the unread count would cost an {@code UPDATE} and a
 * commit (a disk flush on PostgreSQL), more than everything else the request does.
 *
 * <p>
 * This wrapper saves a session as Spring Session would whenever it is new or anything in
 * it changed (an attribute, its id, its timeout), and otherwise only once the stored
 * access time is {@code touchInterval} old. The cost: a session may expire up to
 * {@code touchInterval} before its full idle timeout (one minute against eight hours by
 * default). Everything else, including log-out and expiry checks, is the delegate's.
 *
 * <p>
 * It also remembers the session a request loaded, for the rest of that request: Spring
 * Session's filter asks for it again after a page has been written (when it saves the
 * session a second time), which would otherwise read it from the database twice.
 * {@link #requestEnded()} forgets it; a deleted session is forgotten at once.
 *
 * <p>
 * And it answers a logged-in session from what this node keeps between requests
 * ({@link KeptSessions}) when it can, so that most requests read nothing from the store;
 * such a session is read from the store again as soon as the request changes it.
 *
 * @param <S> the delegate's session type
 */
final class QuietSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<QuietSessionRepository.QuietSession<S>> {

	private final FindByIndexNameSessionRepository<S> delegate;

	private final Duration touchInterval;

	private final KeptSessions kept;

	private final ThreadLocal<QuietSession<S>> loadedByThisRequest = new ThreadLocal<>();

	QuietSessionRepository(FindByIndexNameSessionRepository<S> delegate, Duration touchInterval) {
		this(delegate, touchInterval, new KeptSessions(0, Duration.ZERO));
	}

	QuietSessionRepository(FindByIndexNameSessionRepository<S> delegate, Duration touchInterval, KeptSessions kept) {
		this.delegate = delegate;
		this.touchInterval = touchInterval;
		this.kept = kept;
	}

	@Override
	public QuietSession<S> createSession() {
		return new QuietSession<>(this.delegate.createSession(), true, this::stored);
	}

	@Override
	public void save(QuietSession<S> session) {
		if (session.isNew || session.changed || session.stored.plus(this.touchInterval).isBefore(session.accessed())
				|| this.touchInterval.isZero()) {
			S stored = session.fromStore();
			if (stored != null) {
				this.delegate.save(stored);
			}
			this.kept.forget(session.keptAs);
			this.kept.forget(session.getId());
			session.saved();
		}
	}

	@Override
	public QuietSession<S> findById(String id) {
		QuietSession<S> loaded = this.loadedByThisRequest.get();
		if (loaded != null && loaded.getId().equals(id)) {
			return loaded;
		}
		MapSession kept = this.kept.find(id);
		QuietSession<S> session;
		if (kept != null) {
			session = new QuietSession<>(kept, this::stored);
		}
		else {
			S found = stored(id);
			if (found == null) {
				return null;
			}
			this.kept.keep(found);
			session = new QuietSession<>(found, false, this::stored);
		}
		this.loadedByThisRequest.set(session);
		return session;
	}

	@Override
	public void deleteById(String id) {
		this.loadedByThisRequest.remove();
		this.kept.forget(id);
		this.delegate.deleteById(id);
	}

	/** The request on this thread is over: the next one loads its session afresh. */
	void requestEnded() {
		this.loadedByThisRequest.remove();
	}

	/** The sessions kept on this node between requests. */
	KeptSessions kept() {
		return this.kept;
	}

	@Override
	public Map<String, QuietSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, QuietSession<S>> sessions = new LinkedHashMap<>();
		Transactions.reading(() -> this.delegate.findByIndexNameAndIndexValue(indexName, indexValue))
			.forEach((id, session) -> sessions.put(id, new QuietSession<>(session, false, this::stored)));
		return sessions;
	}

	private S stored(String id) {
		return Transactions.reading(() -> this.delegate.findById(id));
	}

	/**
	 * A session that knows whether anything but its access time changed since it was
	 * loaded or last saved. One read from the store is the store's own session; one
	 * answered from what this node keeps ({@link KeptSessions}) is a copy, read from the
	 * store the first time the request changes it (or its access time is due to be
	 * written), so that the change applies to the session as stored.
	 *
	 * @param <S> the delegate's session type
	 */
	static final class QuietSession<S extends Session> implements Session {

		private final Function<String, S> store;

		private final String keptAs;

		private S delegate;

		private MapSession copy;

		private boolean isNew;

		private boolean changed;

		private Instant stored;

		QuietSession(S delegate, boolean isNew, Function<String, S> store) {
			this.delegate = delegate;
			this.isNew = isNew;
			this.store = store;
			this.keptAs = delegate.getId();
			this.stored = delegate.getLastAccessedTime();
		}

		QuietSession(MapSession copy, Function<String, S> store) {
			this.copy = copy;
			this.store = store;
			this.keptAs = copy.getId();
			this.stored = copy.getLastAccessedTime();
		}

		private Session current() {
			return (this.delegate != null) ? this.delegate : this.copy;
		}

		/**
		 * The store's own session, read from the store if this one was a kept copy;
		 * {@code null} if it is no longer stored (ended meanwhile elsewhere).
		 */
		private S fromStore() {
			if (this.delegate == null && this.copy != null) {
				S stored = this.store.apply(this.copy.getId());
				if (stored != null) {
					stored.setLastAccessedTime(this.copy.getLastAccessedTime());
					this.delegate = stored;
					this.copy = null;
				}
			}
			return this.delegate;
		}

		/**
		 * The session to change: the store's own, or the copy if it is stored no more.
		 */
		private Session forChange() {
			this.changed = true;
			S stored = fromStore();
			return (stored != null) ? stored : this.copy;
		}

		private Instant accessed() {
			return current().getLastAccessedTime();
		}

		private void saved() {
			this.isNew = false;
			this.changed = false;
			this.stored = accessed();
		}

		@Override
		public String getId() {
			return current().getId();
		}

		@Override
		public String changeSessionId() {
			return forChange().changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return current().getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return current().getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			forChange().setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			forChange().removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return current().getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			current().setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return current().getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			forChange().setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return current().getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return current().isExpired();
		}

	}

	/**
	 * The transactions Spring Session's JDBC repository runs its statements in: none for
	 * reading a session (one {@code SELECT}, which needs no transaction), the
	 * application's own for everything else (a new session and its attributes are written
	 * together). Reading a session is the only database work of most requests, and a
	 * transaction around it would cost two more round trips (begin and commit) and the
	 * JPA transaction manager's bookkeeping, about a third of such a request's time.
	 */
	static final class Transactions implements TransactionOperations {

		private static final ThreadLocal<Boolean> reading = new ThreadLocal<>();

		private final TransactionOperations writes;

		Transactions(TransactionOperations writes) {
			this.writes = writes;
		}

		/**
		 * Runs the work, during which the repository's statements run without a
		 * transaction.
		 * @param <T> what the work returns
		 * @param work reading sessions
		 * @return what the work returned
		 */
		static <T> T reading(Supplier<T> work) {
			reading.set(Boolean.TRUE);
			try {
				return work.get();
			}
			finally {
				reading.remove();
			}
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			if (Boolean.TRUE.equals(reading.get())) {
				return TransactionOperations.withoutTransaction().execute(action);
			}
			return this.writes.execute(action);
		}

	}

}
