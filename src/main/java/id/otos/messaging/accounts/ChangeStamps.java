package id.otos.messaging.accounts;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Where the changes to each person stand on this node: a stamp per person that moves at
 * each change to them, and one for everyone that moves when every kept value may be
 * wrong. What is kept per person (an account, an unread count) is kept with the stamp
 * read before it was read, and used only while the stamp has not moved.
 *
 * <p>
 * The per-person stamps are bounded, in number and in time: a stamp nobody changed for
 * {@code forgottenAfter} is dropped (a value kept from before that change must have
 * expired by then: {@code forgottenAfter} must be longer than the longest time a kept
 * value is used, plus the time a read may take; a value kept after that change, at its
 * stamp, is not used again once the stamp is dropped and moves: stamps move along one
 * sequence for everyone, so a dropped stamp never comes back), and when more than
 * {@code maxPeople} stamps are kept the least used are dropped and everyone's stamp
 * moves, so that no value kept before a dropped change can match a stamp again.
 */
public final class ChangeStamps {

	private final AtomicLong everyone = new AtomicLong();

	/**
	 * Where every person's stamp moves to: one sequence for all, so that a stamp dropped
	 * and moved again never comes back to a number a value was kept with before.
	 */
	private final AtomicLong moves = new AtomicLong();

	private final Cache<Long, Long> personal;

	/**
	 * Stamps for up to {@code maxPeople} people, each forgotten when unchanged for
	 * {@code forgottenAfter}; their figures go to the registry as cache {@code name}.
	 * @param name the cache's name in the metrics
	 * @param maxPeople how many people's stamps are kept at most
	 * @param forgottenAfter how long a stamp is kept after its last change
	 * @param meters the registry
	 */
	public ChangeStamps(String name, long maxPeople, Duration forgottenAfter, MeterRegistry meters) {
		this(name, maxPeople, forgottenAfter, meters, Ticker.systemTicker());
	}

	ChangeStamps(String name, long maxPeople, Duration forgottenAfter, MeterRegistry meters, Ticker ticker) {
		this.personal = Caffeine.newBuilder()
			.ticker(ticker)
			.maximumSize(maxPeople)
			.expireAfterWrite(forgottenAfter)
			.evictionListener((Long id, Long stamp, RemovalCause cause) -> {
				if (cause == RemovalCause.SIZE) {
					this.everyone.incrementAndGet();
				}
			})
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.personal, name);
	}

	/**
	 * The person's stamp now.
	 * @param id the person
	 * @return the stamp, to compare with {@link Stamp#equals}
	 */
	public Stamp of(long id) {
		return new Stamp(this.everyone.get(), this.personal.asMap().getOrDefault(id, 0L));
	}

	/**
	 * Something of the person changed: what was kept for them is not used again.
	 * @param id the person
	 */
	public void moved(long id) {
		this.personal.put(id, this.moves.incrementAndGet());
	}

	/** Anything of anyone may have changed: nothing kept is used again. */
	public void movedForEveryone() {
		this.everyone.incrementAndGet();
	}

	/** How many people's stamps are kept now (for tests). */
	long kept() {
		this.personal.cleanUp();
		return this.personal.estimatedSize();
	}

	/**
	 * A person's stamp at one moment.
	 *
	 * @param everyone the stamp for everyone
	 * @param personal the person's own
	 */
	public record Stamp(long everyone, long personal) {

	}

}
