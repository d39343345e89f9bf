package id.otos.messaging.threads;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Where the messages of each shared desk ({@link DeskHolders#sharedDesksOf}) stand on
 * this node: a generation per desk that moves at each message in a thread it holds, and
 * the last {@link #KEPT_MESSAGES} of those messages, so that a count kept at an older
 * generation can be brought up to date without counting again ({@link UnreadCounts}).
 *
 * <p>
 * A message is logged once per desk however often it is told (the node hears its own
 * signals back from the bus). A message that moved its thread onto or off a desk (the
 * first handler's reply, a reply that reopens) is logged as such: a count cannot be
 * brought past it.
 *
 * <p>
 * Bounded like {@code ChangeStamps}: at most {@code maxDesks} desks, each forgotten when
 * no message reached it for {@code forgottenAfter} (longer than a count is kept); when
 * more are kept the least used go and every generation moves, so no count kept before can
 * be brought up to date. A desk logged again after it was forgotten is a new log (a new
 * epoch): a count kept at the old one is counted again.
 */
final class DeskLog {

	/** The messages kept per desk: a count older than that many is counted again. */
	static final int KEPT_MESSAGES = 256;

	private final AtomicLong everyone = new AtomicLong();

	private final AtomicLong epochs = new AtomicLong();

	private final Cache<Long, Desk> desks;

	DeskLog(String name, long maxDesks, Duration forgottenAfter, MeterRegistry meters) {
		this.desks = Caffeine.newBuilder()
			.maximumSize(maxDesks)
			.expireAfterWrite(forgottenAfter)
			.evictionListener((Long desk, Desk log, RemovalCause cause) -> {
				if (cause == RemovalCause.SIZE) {
					this.everyone.incrementAndGet();
				}
			})
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.desks, name);
	}

	/**
	 * Where the desk stands now.
	 * @param desk the desk's key
	 * @return its position, to compare with {@link Position#equals}
	 */
	Position of(long desk) {
		Desk log = this.desks.getIfPresent(desk);
		return (log != null) ? log.position(desk, this.everyone.get()) : new Position(desk, this.everyone.get(), 0, 0);
	}

	/**
	 * A message was posted in a thread the desk holds.
	 * @param desk the desk's key
	 * @param message the message
	 */
	void posted(long desk, Posted message) {
		this.desks.asMap().compute(desk, (key, log) -> {
			Desk kept = (log != null) ? log : new Desk(this.epochs.incrementAndGet());
			kept.add(message);
			return kept;
		});
	}

	/** Anything may have changed: no count kept before is brought up to date. */
	void movedForEveryone() {
		this.everyone.incrementAndGet();
	}

	/**
	 * The messages the desk got after {@code from} up to {@code to}, if every one of them
	 * is still here.
	 * @param from where a kept count stood
	 * @param to where the desk stands now (read before)
	 * @return the messages, or empty when the count must be counted again
	 */
	Optional<List<Posted>> between(Position from, Position to) {
		if (from.equals(to)) {
			return Optional.of(List.of());
		}
		boolean sameLog = from.epoch() == to.epoch() && from.generation() <= to.generation();
		boolean logSince = from.epoch() == 0 && from.generation() == 0;
		if (from.desk() != to.desk() || from.everyone() != to.everyone() || to.everyone() != this.everyone.get()
				|| to.epoch() == 0 || !(sameLog || logSince)) {
			return Optional.empty();
		}
		Desk log = this.desks.getIfPresent(to.desk());
		return (log != null && log.epoch == to.epoch()) ? log.between(from.generation(), to.generation())
				: Optional.empty();
	}

	/**
	 * A message as a desk logged it.
	 *
	 * @param id the message
	 * @param senderId who wrote it ({@code 0} if not known)
	 * @param desksStayed whether its thread stayed on the same desks
	 */
	record Posted(long id, long senderId, boolean desksStayed) {

	}

	/**
	 * A desk's position at one moment.
	 *
	 * @param desk the desk's key
	 * @param everyone the generation of every desk
	 * @param epoch which log of the desk ({@code 0}: it had none; a desk forgotten and
	 * logged again gets a new one)
	 * @param generation how many messages that log got
	 */
	record Position(long desk, long everyone, long epoch, long generation) {

	}

	private static final class Desk {

		private final long epoch;

		private long generation;

		private final Deque<Posted> recent = new ArrayDeque<>();

		Desk(long epoch) {
			this.epoch = epoch;
		}

		synchronized Position position(long desk, long everyone) {
			return new Position(desk, everyone, this.epoch, this.generation);
		}

		synchronized void add(Posted message) {
			if (this.recent.stream().anyMatch((kept) -> kept.id() == message.id())) {
				return;
			}
			this.generation++;
			this.recent.addLast(message);
			if (this.recent.size() > KEPT_MESSAGES) {
				this.recent.removeFirst();
			}
		}

		/** The messages of generations {@code (from, to]}, if all are still kept. */
		synchronized Optional<List<Posted>> between(long from, long to) {
			long first = this.generation - this.recent.size() + 1;
			if (from + 1 < first || to > this.generation) {
				return Optional.empty();
			}
			List<Posted> all = List.copyOf(this.recent);
			return Optional.of(all.subList((int) (from + 1 - first), (int) (to + 1 - first)));
		}

	}

}
