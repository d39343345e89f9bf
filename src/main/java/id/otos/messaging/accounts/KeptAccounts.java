package id.otos.messaging.accounts;

import java.util.function.LongFunction;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
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
 * lost. At most {@code otos.kept.max-people} people's stamps and values are kept, each
 * value for {@link KeptPerAccount#LONGEST} at most; the caches' figures are in the
 * metrics as {@code cache_*{cache="otos.accounts.*"}}.
 */
@Component
class KeptAccounts {

	private final ChangeStamps stamps;

	private final long maxPeople;

	private final MeterRegistry meters;

	KeptAccounts(@Value("${otos.kept.max-people:20000}") long maxPeople, MeterRegistry meters) {
		this.maxPeople = maxPeople;
		this.meters = meters;
		this.stamps = new ChangeStamps("otos.accounts.changes", maxPeople, KeptPerAccount.LONGEST.multipliedBy(3),
				meters);
	}

	<T> KeptPerAccount<T> keep(String name, LongFunction<T> read) {
		return new KeptPerAccount<>(this.stamps, read, this.maxPeople, "otos.accounts." + name, this.meters);
	}

	/** How many people's change stamps are kept now (for tests). */
	long stampsKept() {
		return this.stamps.kept();
	}

	void forget(long id) {
		this.stamps.moved(id);
	}

	void forgetAll() {
		this.stamps.movedForEveryone();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AccountChanged change) {
		forget(change.userId());
	}

}
