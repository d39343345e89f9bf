package id.otos.messaging.threads;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.otos.messaging.accounts.ChangeStamps;
import id.otos.messaging.threads.DeskLog.Posted;
import id.otos.messaging.threads.ThreadEvents.MessagePosted;
import id.otos.messaging.threads.ThreadEvents.NotePosted;
import id.otos.messaging.threads.ThreadEvents.ThreadChanged;
import id.otos.messaging.threads.ThreadEvents.ThreadRead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each person's unread count, counted by {@link Inbox#unreadCount} and kept until
 * something that could change it happens: the count every page and the badge's polling
 * ask for costs no statement while nothing changes.
 *
 * <p>
 * Nothing is ever shown stale for longer than a change takes to reach this node:
 * <ul>
 * <li>a change on this node is forgotten here as soon as it commits, before the request
 * that made it answers (so whoever made it sees its effect at once);</li>
 * <li>a change on another node arrives as a signal on the event bus, which calls
 * {@link #messagePosted}, {@link #threadChanged}, {@link #notePosted} or {@link #read}
 * here before anyone is told of it; if signals may have been lost, {@link #forgetAll} is
 * called.</li>
 * </ul>
 * A student's count depends only on their own threads and read positions. A message
 * concerns only the people whose desk holds its thread ({@link DeskHolders}, the desk
 * rule): its student, its handler, and the people who look at a shared desk holding it
 * (the teachers of its category, the operators and admins), each of which has a log of
 * its own ({@link DeskLog}); a message in one category's thread leaves every other
 * teacher's count kept. The people of a shared desk are not counted again: their kept
 * count is brought up to date with the desk's messages since (one each that they did not
 * write), when the thread stayed on the desk and the count cannot already hold the
 * message (issue 15: an operator's count is a few hundred milliseconds of database time
 * at ten times the data, and every message on their desk used to cost one). A thread's
 * change of status, handler or priority, an internal note, and a message whose holders
 * are not known (a signal of an older node) still make every handler's count be counted
 * again. Who a person is (role, taught categories) is part of the entry, so a new role or
 * category counts afresh.
 *
 * <p>
 * Counts are stamped, not deleted: a count is kept with the generations it was counted
 * at, read before the count's statement ran, and used only while those generations have
 * not moved. A count that raced with a change is thus never used, whatever the order in
 * which they finish. Inside a transaction the count is always counted afresh and not
 * kept: that transaction may have changed it without committing yet.
 *
 * <p>
 * What is kept is bounded: the counts of at most {@code otos.kept.max-people} people (the
 * least used go first), each for {@link #KEPT_FOR} at most, with their hits, misses and
 * evictions as {@code cache_*{cache="otos.unread.counts"}} metrics; the per-person stamps
 * are bounded the same way ({@link ChangeStamps}).
 */
@Service
public class UnreadCounts {

	/** The longest a count is kept, even while nothing changes. */
	static final Duration KEPT_FOR = Duration.ofMinutes(10);

	/**
	 * The most messages a count is brought up to date with before it is counted again.
	 */
	static final int MAX_BROUGHT_UP = 256;

	/** Moves at every thread change or note anywhere: handlers count again. */
	private final AtomicLong handlers = new AtomicLong();

	/**
	 * Per shared desk ({@link DeskHolders#sharedDesksOf}): moves at each message in a
	 * thread it holds, for those who look at it, and keeps the last messages, with which
	 * their counts are brought up to date.
	 */
	private final DeskLog sharedDesks;

	/**
	 * Per person: moves when their own count may have changed; for everyone when every
	 * count may be wrong (signals lost).
	 */
	private final ChangeStamps personal;

	private final Cache<Long, Counted> counts;

	private final Inbox inbox;

	private final Counter hits;

	private final Counter misses;

	UnreadCounts(Inbox inbox, MeterRegistry meters, @Value("${otos.kept.max-people:20000}") long maxPeople) {
		this.inbox = inbox;
		this.personal = new ChangeStamps("otos.unread.changes", maxPeople, KEPT_FOR.multipliedBy(3), meters);
		this.sharedDesks = new DeskLog("otos.unread.desk-changes", maxPeople, KEPT_FOR.multipliedBy(3), meters);
		this.counts = Caffeine.newBuilder().maximumSize(maxPeople).expireAfterWrite(KEPT_FOR).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, this.counts, "otos.unread.counts");
		this.hits = Counter.builder("otos.unread.count.cache")
			.tag("result", "hit")
			.description("Unread counts answered from the kept counts")
			.register(meters);
		this.misses = Counter.builder("otos.unread.count.cache")
			.tag("result", "miss")
			.description("Unread counts counted in the database")
			.register(meters);
	}

	/**
	 * The viewer's unread messages over their whole desk, as {@link Inbox#unreadCount}
	 * counts them now.
	 * @param viewer whose count
	 * @return the count
	 */
	public long of(Viewer viewer) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.inbox.unreadCount(viewer);
		}
		Stamp stamp = stamp(viewer);
		Counted kept = this.counts.getIfPresent(viewer.userId());
		if (kept != null && kept.viewer().equals(viewer) && !kept.isOlderThan(KEPT_FOR)) {
			Counted current = kept.stamp().equals(stamp) ? kept : broughtUpTo(kept, stamp);
			if (current != null) {
				if (current != kept) {
					this.counts.put(viewer.userId(), current);
				}
				this.hits.increment();
				return current.count();
			}
		}
		this.misses.increment();
		long count = this.inbox.unreadCount(viewer);
		long lastMessage = stamp.sharedDesks().isEmpty() ? 0 : this.inbox.lastMessageId();
		this.counts.put(viewer.userId(), new Counted(viewer, stamp, count, lastMessage, Set.of(), System.nanoTime()));
		return count;
	}

	/**
	 * The kept count brought up to the stamp when only messages in threads that stayed on
	 * the viewer's shared desks happened since: each one they did not write adds one
	 * (they cannot have read it: their reading would have moved their own stamp). A
	 * message is known to be missing from the kept count when its id is above the last
	 * message id read after the count's statement ran (anything that statement saw had
	 * committed by then); a message at or below it may have been counted, and the count
	 * is then counted again.
	 * @return the count at the stamp, or {@code null} if it must be counted again
	 */
	private Counted broughtUpTo(Counted kept, Stamp stamp) {
		if (!kept.stamp().person().equals(stamp.person()) || kept.stamp().handlers() != stamp.handlers()
				|| kept.stamp().sharedDesks().size() != stamp.sharedDesks().size()) {
			return null;
		}
		Set<Long> applied = new HashSet<>(kept.applied());
		long added = 0;
		for (int i = 0; i < stamp.sharedDesks().size(); i++) {
			Optional<List<Posted>> posted = this.sharedDesks.between(kept.stamp().sharedDesks().get(i),
					stamp.sharedDesks().get(i));
			if (posted.isEmpty()) {
				return null;
			}
			for (Posted message : posted.get()) {
				if (!message.desksStayed() || message.id() <= kept.lastMessage()) {
					return null;
				}
				if (applied.add(message.id()) && message.senderId() != kept.viewer().userId()) {
					added++;
				}
			}
		}
		if (applied.size() > MAX_BROUGHT_UP) {
			return null;
		}
		return new Counted(kept.viewer(), stamp, kept.count() + added, kept.lastMessage(), Set.copyOf(applied),
				kept.countedAt());
	}

	/**
	 * A message was posted in a thread of the student, whose holders are not known: their
	 * count and every handler's may have changed.
	 * @param studentId whose thread, or 0 if not known (every count is forgotten)
	 */
	public void messagePosted(long studentId) {
		threadChanged(studentId);
	}

	/**
	 * A message was posted in a thread these desks held or hold: only their counts may
	 * have changed. Those of its student and handlers are counted again; those of the
	 * people of its shared desks are brought up to date, if the thread stayed on them.
	 * @param desks whose desks
	 * @param messageId the message
	 * @param senderId who wrote it ({@code 0} if not known)
	 * @param desksStayed whether the message left the thread on the same desks
	 */
	public void messagePosted(DeskHolders desks, long messageId, long senderId, boolean desksStayed) {
		bump(desks.studentId());
		desks.handlerIds().forEach(this::bump);
		Posted message = new Posted(messageId, senderId, desksStayed);
		desks.sharedDesks().forEach((desk) -> this.sharedDesks.posted(desk, message));
	}

	/**
	 * A thread of the student changed status, handler or priority: every handler's count
	 * may have changed (the thread may have come onto or left their desk), and the
	 * student's is counted again too.
	 * @param studentId whose thread, or 0 if not known (every count is forgotten)
	 */
	public void threadChanged(long studentId) {
		if (studentId <= 0) {
			forgetAll();
			return;
		}
		this.handlers.incrementAndGet();
		bump(studentId);
	}

	/**
	 * Staff wrote an internal note: every handler's count may have changed, and no
	 * student's (notes are never counted for students).
	 */
	public void notePosted() {
		this.handlers.incrementAndGet();
	}

	/**
	 * The person read a thread further: only their count changed.
	 * @param userId who read
	 */
	public void read(long userId) {
		bump(userId);
	}

	/** Every count may be wrong: count each again when next asked. */
	public void forgetAll() {
		this.personal.movedForEveryone();
		this.sharedDesks.movedForEveryone();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MessagePosted event) {
		messagePosted(event.desks(), event.messageId(), event.senderId(), event.desksStayed());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ThreadChanged event) {
		threadChanged(event.studentId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(NotePosted event) {
		notePosted();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ThreadRead event) {
		read(event.userId());
	}

	/** How many people's counts are kept now (for tests). */
	long kept() {
		this.counts.cleanUp();
		return this.counts.estimatedSize();
	}

	private void bump(long userId) {
		this.personal.moved(userId);
	}

	private Stamp stamp(Viewer viewer) {
		long desk = viewer.isStudent() ? 0 : this.handlers.get();
		List<DeskLog.Position> shared = DeskHolders.sharedDesksOf(viewer)
			.stream()
			.sorted()
			.map(this.sharedDesks::of)
			.toList();
		return new Stamp(this.personal.of(viewer.userId()), desk, shared);
	}

	private record Stamp(ChangeStamps.Stamp person, long handlers, List<DeskLog.Position> sharedDesks) {

	}

	/**
	 * A kept count.
	 *
	 * @param viewer whose
	 * @param stamp where the changes stood when it was counted (or brought up to date)
	 * @param count the count
	 * @param lastMessage the last message id, read after the count's statement
	 * @param applied the messages it was brought up to date with since
	 * @param countedAt when it was counted ({@link System#nanoTime()}): it is brought up
	 * to date for {@link #KEPT_FOR} at most, like any kept count
	 */
	private record Counted(Viewer viewer, Stamp stamp, long count, long lastMessage, Set<Long> applied,
			long countedAt) {

		/** Whether it was counted longer ago than that (brought up to date or not). */
		boolean isOlderThan(Duration age) {
			return System.nanoTime() - this.countedAt > age.toNanos();
		}

	}

}
