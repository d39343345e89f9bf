package id.otos.messaging.threads;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.otos.messaging.accounts.ChangeStamps;
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
 * (the teachers of its category, the operators and admins), each of which has a stamp of
 * its own; a message in one category's thread leaves every other teacher's count kept. A
 * thread's change of status, handler or priority, an internal note, and a message whose
 * holders are not known (a signal of an older node) still make every handler's count be
 * counted again. Who a person is (role, taught categories) is part of the entry, so a new
 * role or category counts afresh.
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

	/** Moves at every thread change or note anywhere: handlers count again. */
	private final AtomicLong handlers = new AtomicLong();

	/**
	 * Per shared desk ({@link DeskHolders#sharedDesksOf}): moves at each message in a
	 * thread it holds, for those who look at it.
	 */
	private final ChangeStamps sharedDesks;

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
		this.sharedDesks = new ChangeStamps("otos.unread.desk-changes", maxPeople, KEPT_FOR.multipliedBy(3), meters);
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
		if (kept != null && kept.viewer().equals(viewer) && kept.stamp().equals(stamp)) {
			this.hits.increment();
			return kept.count();
		}
		this.misses.increment();
		long count = this.inbox.unreadCount(viewer);
		this.counts.put(viewer.userId(), new Counted(viewer, stamp, count));
		return count;
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
	 * have changed.
	 * @param desks whose desks
	 */
	public void messagePosted(DeskHolders desks) {
		bump(desks.studentId());
		desks.handlerIds().forEach(this::bump);
		desks.sharedDesks().forEach(this.sharedDesks::moved);
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
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MessagePosted event) {
		messagePosted(event.desks());
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
		List<ChangeStamps.Stamp> shared = DeskHolders.sharedDesksOf(viewer)
			.stream()
			.sorted()
			.map(this.sharedDesks::of)
			.toList();
		return new Stamp(this.personal.of(viewer.userId()), desk, shared);
	}

	private record Stamp(ChangeStamps.Stamp person, long handlers, List<ChangeStamps.Stamp> sharedDesks) {

	}

	private record Counted(Viewer viewer, Stamp stamp, long count) {

	}

}
