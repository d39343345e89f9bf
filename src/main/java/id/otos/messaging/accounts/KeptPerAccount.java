package id.otos.messaging.accounts;

import java.time.Duration;
import java.util.function.LongFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Something read per person that follows from their account (the account itself, what a
 * teacher teaches), kept between requests while nothing changed the account: see
 * {@link Accounts#keptPerAccount}.
 *
 * <p>
 * Each value carries the account's change stamp taken before it was read, and is used
 * only while the stamp has not moved (so a read that raced with a change is never used)
 * and for {@link #LONGEST} at most, whatever happens to the signals from other nodes.
 * Inside a transaction the value is always read afresh and not kept: that transaction may
 * have changed it without committing yet. At most a given number of people's values are
 * kept (the least used go first), with their hits, misses and evictions in the metrics.
 *
 * @param <T> what is kept
 */
public final class KeptPerAccount<T> {

	/** The longest a value is used without reading it again. */
	static final Duration LONGEST = Duration.ofSeconds(10);

	private final ChangeStamps stamps;

	private final LongFunction<T> read;

	private final Cache<Long, Kept<T>> kept;

	KeptPerAccount(ChangeStamps stamps, LongFunction<T> read, long maxPeople, String name, MeterRegistry meters) {
		this.stamps = stamps;
		this.read = read;
		this.kept = Caffeine.newBuilder().maximumSize(maxPeople).expireAfterWrite(LONGEST).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, this.kept, name);
	}

	/**
	 * The person's value, kept or read now.
	 * @param id the person
	 * @return the value
	 */
	public T get(long id) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.read.apply(id);
		}
		ChangeStamps.Stamp stamp = this.stamps.of(id);
		Kept<T> known = this.kept.getIfPresent(id);
		if (known != null && known.stamp().equals(stamp)) {
			return known.value();
		}
		T value = this.read.apply(id);
		this.kept.put(id, new Kept<>(value, stamp));
		return value;
	}

	/** How many people's values are kept now (for tests). */
	long size() {
		this.kept.cleanUp();
		return this.kept.estimatedSize();
	}

	private record Kept<T>(T value, ChangeStamps.Stamp stamp) {

	}

}
