package id.otos.messaging.notifications;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import id.otos.messaging.accounts.AccountChanged;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.threads.ThreadEvents.MessagePosted;
import id.otos.messaging.threads.ThreadEvents.NotePosted;
import id.otos.messaging.threads.ThreadEvents.ThreadChanged;
import id.otos.messaging.threads.ThreadEvents.ThreadRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts committed thread events, account changes and log-outs on the {@link EventBus} as
 * signals. Only after the commit (a rolled-back change tells nobody, and a page that
 * fetches at once sees the change), and on a thread of its own: the request does not
 * wait, and the bus's statements do not run in the finished transaction's connection.
 */
@Component
class ThreadEventRelay implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ThreadEventRelay.class);

	private final EventBus bus;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "otos-live-relay");
		thread.setDaemon(true);
		return thread;
	});

	ThreadEventRelay(EventBus bus) {
		this.bus = bus;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MessagePosted event) {
		relay(ThreadSignal.messagePosted(event.threadId(), event.messageId(), event.desks(), event.desksStayed()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ThreadChanged event) {
		relay(ThreadSignal.threadChanged(event.threadId(), event.studentId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(NotePosted event) {
		relay(ThreadSignal.notePosted(event.threadId(), event.noteId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ThreadRead event) {
		relay(ThreadSignal.read(event.threadId(), event.userId(), event.messageId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(AccountChanged event) {
		relay(ThreadSignal.accountChanged(event.userId()));
	}

	/**
	 * A log-out on this node: every node ends the streams of that session (the session
	 * itself is already gone from the store).
	 * @param event the log-out
	 */
	@EventListener
	void on(LogoutSuccessEvent event) {
		if (event.getAuthentication() != null
				&& event.getAuthentication().getPrincipal() instanceof CurrentUser person) {
			relay(ThreadSignal.sessionEnded(person.id()));
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdown();
	}

	private void relay(ThreadSignal signal) {
		this.worker.execute(() -> {
			try {
				this.bus.publish(signal);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not publish {}", signal, ex);
			}
		});
	}

}
