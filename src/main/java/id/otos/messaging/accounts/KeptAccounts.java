package id.otos.messaging.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The accounts of people making requests, as {@link Accounts#currentUser} read them, kept
 * between requests so that checking a session against its account (every request) does
 * not ask the database each time.
 *
 * <p>
 * An account is forgotten as soon as a change to it commits on this node (an
 * {@link AccountChanged}), and when the change's signal arrives from another node
 * ({@link #forget}); {@link #forgetAll} when signals may have been lost. Whatever happens
 * to the signals, nothing is kept longer than {@link #LONGEST}: a deactivated account is
 * refused everywhere within that time at worst. As with the unread counts, an entry
 * carries the generation it was read at, so a read that raced with a change is never
 * used.
 */
@Component
class KeptAccounts {

	/** The longest an account is used without reading it again. */
	static final Duration LONGEST = Duration.ofSeconds(10);

	private final AtomicLong everyone = new AtomicLong();

	private final Map<Long, Long> personal = new ConcurrentHashMap<>();

	private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

	Optional<CurrentUser> get(long id, LongFunction<Optional<CurrentUser>> read) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return read.apply(id);
		}
		AccountStamp stamp = stamp(id);
		long now = System.nanoTime();
		Kept known = this.kept.get(id);
		if (known != null && known.stamp().equals(stamp) && now - known.readAt() < LONGEST.toNanos()) {
			return known.user();
		}
		Optional<CurrentUser> user = read.apply(id);
		this.kept.put(id, new Kept(user, stamp, now));
		return user;
	}

	AccountStamp stamp(long id) {
		return new AccountStamp(this.everyone.get(), this.personal.getOrDefault(id, 0L));
	}

	void forget(long id) {
		this.personal.merge(id, 1L, Long::sum);
	}

	void forgetAll() {
		this.everyone.incrementAndGet();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AccountChanged change) {
		forget(change.userId());
	}

	private record Kept(Optional<CurrentUser> user, AccountStamp stamp, long readAt) {

	}

}
