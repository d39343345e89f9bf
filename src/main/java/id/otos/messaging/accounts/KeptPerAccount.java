package id.otos.messaging.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

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
 * have changed it without committing yet.
 *
 * @param <T> what is kept
 */
public final class KeptPerAccount<T> {

	/** The longest a value is used without reading it again. */
	static final Duration LONGEST = Duration.ofSeconds(10);

	private final KeptAccounts stamps;

	private final LongFunction<T> read;

	private final Map<Long, Kept<T>> kept = new ConcurrentHashMap<>();

	KeptPerAccount(KeptAccounts stamps, LongFunction<T> read) {
		this.stamps = stamps;
		this.read = read;
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
		AccountStamp stamp = this.stamps.stamp(id);
		long now = System.nanoTime();
		Kept<T> known = this.kept.get(id);
		if (known != null && known.stamp().equals(stamp) && now - known.readAt() < LONGEST.toNanos()) {
			return known.value();
		}
		T value = this.read.apply(id);
		this.kept.put(id, new Kept<>(value, stamp, now));
		return value;
	}

	private record Kept<T>(T value, AccountStamp stamp, long readAt) {

	}

}
