package id.otos.messaging.notifications;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.DjangoSessions;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.SessionsEnded;
import id.otos.messaging.threads.MessageThread;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.ThreadAction;
import id.otos.messaging.threads.ThreadPages;
import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the people connected to this node about a signal, if they may see its thread now:
 * the thread is read once per signal, then the accounts (kept,
 * {@link Accounts#currentUser}) of only those connected people who could be told about
 * it: the thread's student and those who may open others' threads
 * ({@link ThreadAccess#mayOpenOthersThreads}), whose ids are kept for at most
 * {@link #STAFF_KEPT}; the threads' own rule ({@link ThreadAccess#mayOpen}) decides. A
 * signal costs what its audience costs, however many students are connected. On a signal
 * that a person's account changed or one of their sessions ended, ends their streams
 * whose session has ended ({@link StreamSessions}). Work happens on a thread of its own,
 * so neither the request that caused the change nor the bus's listener waits for it; and
 * sending waits for no reader ({@link LiveStream}), so one slow reader delays nobody.
 */
@Component
class LiveDispatch implements SignalReceiver, DisposableBean {

	/** How long the ids of those who may open others' threads are kept at most. */
	static final Duration STAFF_KEPT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(LiveDispatch.class);

	/**
	 * The active people of each role that may open others' threads; forgotten on any
	 * change to an account.
	 */
	private final LoadingCache<RoleName, List<Long>> staff;

	private final LiveClients clients;

	private final ThreadPages threads;

	private final Accounts accounts;

	private final Viewers viewers;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "otos-live-dispatch");
		thread.setDaemon(true);
		return thread;
	});

	private final UnreadCounts counts;

	private final StreamSessions sessions;

	private final DjangoSessions djangoSessions;

	private final ApplicationEventPublisher events;

	LiveDispatch(LiveClients clients, ThreadPages threads, Accounts accounts, Viewers viewers, UnreadCounts counts,
			StreamSessions sessions, DjangoSessions djangoSessions, ApplicationEventPublisher events) {
		this.djangoSessions = djangoSessions;
		this.events = events;
		this.clients = clients;
		this.sessions = sessions;
		this.counts = counts;
		this.threads = threads;
		this.accounts = accounts;
		this.viewers = viewers;
		this.staff = Caffeine.newBuilder()
			.maximumSize(RoleName.values().length)
			.expireAfterWrite(STAFF_KEPT)
			.build(accounts::activeIdsWithRole);
	}

	@Override
	public void received(ThreadSignal signal) {
		forgetCounts(signal);
		if (signal.isAboutSessions() && !this.clients.streamsOf(signal.personId()).isEmpty()) {
			work(signal, () -> endStreamsOfEndedSessions(signal.personId()));
		}
		if (signal.isForBrowsers()) {
			work(signal, () -> deliver(signal));
		}
	}

	@Override
	public void mayHaveMissedSignals() {
		this.events.publishEvent(SessionsEnded.anyone());
		this.counts.forgetAll();
		this.accounts.mayHaveMissedChanges();
		this.staff.invalidateAll();
		this.worker.execute(() -> this.clients.connectedPeople().forEach(this.clients::resync));
		for (long personId : this.clients.connectedPeople()) {
			work(ThreadSignal.sessionEnded(personId), () -> endStreamsOfEndedSessions(personId));
		}
	}

	/**
	 * Beside Django, ends the streams whose Django session ended without a word to this
	 * application (a log-out in Django, expiry, a new password, deactivation): every
	 * {@code otos.live.django-session-check}, for all streams at once.
	 */
	@Scheduled(fixedDelayString = "${otos.live.django-session-check:30s}",
			initialDelayString = "${otos.live.django-session-check:30s}")
	void endStreamsOfEndedDjangoSessions() {
		if (this.djangoSessions.enabled()) {
			this.sessions.endedBesideDjango(this.clients.allStreams()).forEach(this.clients::sessionEnded);
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	/**
	 * Tells the kept unread counts, accounts and sessions first, before any browser hears
	 * of the signal and asks for its count again, or its stream is checked against its
	 * session.
	 */
	private void forgetCounts(ThreadSignal signal) {
		switch (signal.kind()) {
			case MESSAGE -> {
				if (signal.desks() != null) {
					this.counts.messagePosted(signal.desks(), signal.messageId(), 0, signal.desksStayed());
				}
				else {
					this.counts.messagePosted(signal.personId());
				}
			}
			case CHANGED -> this.counts.threadChanged(signal.personId());
			case NOTE -> this.counts.notePosted();
			case READ -> this.counts.read(signal.personId());
			case ACCOUNT -> {
				this.accounts.changedElsewhere(signal.personId());
				this.staff.invalidateAll();
			}
			case SESSION -> this.events.publishEvent(new SessionsEnded(signal.personId()));
		}
	}

	private void work(ThreadSignal signal, Runnable work) {
		this.worker.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not deliver {}", signal, ex);
			}
		});
	}

	/**
	 * Ends the person's streams whose session has ended (log-out, expiry) or may no
	 * longer go on as the account is now (deactivated, password changed), on a signal
	 * from any node.
	 */
	private void endStreamsOfEndedSessions(long personId) {
		List<LiveStream> streams = this.clients.streamsOf(personId);
		if (!streams.isEmpty()) {
			this.sessions.ended(personId, streams).forEach(this.clients::sessionEnded);
		}
	}

	/**
	 * Whether the person may hear of the signal: those who may open the thread, and of a
	 * note only those of them who read its notes (never its student).
	 */
	private static boolean mayHear(Viewer viewer, MessageThread thread, ThreadSignal signal) {
		return signal.isForNoteReadersOnly() ? ThreadAccess.allows(viewer, thread, ThreadAction.NOTE)
				: ThreadAccess.mayOpen(viewer, thread);
	}

	private void deliver(ThreadSignal signal) {
		if (this.clients.open() == 0) {
			return;
		}
		Optional<MessageThread> thread = this.threads.find(signal.threadId());
		if (thread.isEmpty()) {
			return;
		}
		for (long personId : connectedAudience(thread.get())) {
			Optional<CurrentUser> person = this.accounts.currentUser(personId);
			if (person.isEmpty()) {
				continue;
			}
			if (!person.get().isEnabled()) {
				this.clients.streamsOf(personId).forEach(this.clients::sessionEnded);
			}
			else if (mayHear(this.viewers.of(personId, person.get().role()), thread.get(), signal)) {
				this.clients.send(personId, signal);
			}
		}
	}

	/**
	 * The people connected to this node who could be told about the thread: its student
	 * and those who may open others' threads.
	 */
	private Set<Long> connectedAudience(MessageThread thread) {
		Set<Long> audience = new LinkedHashSet<>();
		if (!this.clients.streamsOf(thread.getStudentId()).isEmpty()) {
			audience.add(thread.getStudentId());
		}
		for (RoleName role : RoleName.values()) {
			if (ThreadAccess.mayOpenOthersThreads(new Viewer(0, role, Set.of()))) {
				for (long personId : this.staff.get(role)) {
					if (!this.clients.streamsOf(personId).isEmpty()) {
						audience.add(personId);
					}
				}
			}
		}
		return audience;
	}

}
