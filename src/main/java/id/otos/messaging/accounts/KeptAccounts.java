package id.otos.messaging.accounts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Where the changes to each account stand on this node, for what is kept per account
 * between requests ({@link KeptPerAccount}): the person's account as a session checks it,
 * what a teacher teaches.
 *
 * <p>
 * A person's stamp moves as soon as a change to their account commits on this node (an
 * {@link AccountChanged}) and when the change's signal arrives from another node
 * ({@link #forget}); every stamp moves ({@link #forgetAll}) when signals may have been
 * lost.
 */
@Component
class KeptAccounts {

	private final AtomicLong everyone = new AtomicLong();

	private final Map<Long, Long> personal = new ConcurrentHashMap<>();

	<T> KeptPerAccount<T> keep(LongFunction<T> read) {
		return new KeptPerAccount<>(this, read);
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

}
