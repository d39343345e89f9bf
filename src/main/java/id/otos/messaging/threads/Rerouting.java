package id.otos.messaging.threads;

import java.time.Clock;

import id.otos.messaging.accounts.AccountChanged;
import id.otos.messaging.threads.ThreadEvents.ThreadChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps every thread that is not closed on some active person's desk. When a person's
 * account changes (deactivated, another role, removed from a category: each publishes
 * {@link AccountChanged}), the threads they held and the unassigned academic threads that
 * may have lost their last teacher go back through {@link Routing}, one by one
 * (least-loaded, in turn), each move audited with its reason and announced, so the new
 * handler's desk, unread count and open pages learn of it. The workflow's own moves
 * (unassigning, reopening) ask {@link #keepOnADesk} too.
 *
 * <p>
 * It runs just before the change commits, in its transaction: the account and the threads
 * change together or not at all, and it sees the change's final state however many events
 * the change published (a second run finds nothing left to move).
 */
@Component
class Rerouting {

	private final MessageThreadRepository threads;

	private final Routing routing;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Rerouting(MessageThreadRepository threads, Routing routing, ApplicationEventPublisher events, Clock clock) {
		this.threads = threads;
		this.routing = routing;
		this.events = events;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountChanged event) {
		for (long threadId : this.threads.mayHaveLostTheirDesk(event.userId())) {
			this.threads.findForUpdate(threadId).ifPresent((thread) -> keepOnADesk(thread, event.userId()));
		}
	}

	/**
	 * Sends the thread back through routing if it is on no active person's desk who may
	 * answer it.
	 * @param thread the thread, locked
	 * @param causedBy who (or whose account change) caused the move, told with the change
	 * @return whether it moved
	 */
	boolean keepOnADesk(MessageThread thread, long causedBy) {
		if (!this.routing.isStranded(thread)) {
			return false;
		}
		boolean moved = thread.rerouted(this.routing.reroute(thread), this.clock.instant());
		if (moved) {
			// the next thread's least-loaded choice counts this move
			this.threads.flush();
			this.events.publishEvent(new ThreadChanged(thread.getId(), causedBy, thread.getStudentId()));
		}
		return moved;
	}

}
