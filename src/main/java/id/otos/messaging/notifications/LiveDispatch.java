package id.otos.messaging.notifications;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.threads.MessageThread;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.ThreadPages;
import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells the people connected to this node about a signal, if they may see its thread now:
 * the thread and the connected people's accounts are read once per signal, and the
 * threads' own rule ({@link ThreadAccess#mayOpen}) decides. Work happens on a thread of
 * its own, so neither the request that caused the change nor the bus's listener waits for
 * it.
 */
@Component
class LiveDispatch implements SignalReceiver, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LiveDispatch.class);

	private final LiveClients clients;

	private final ThreadPages threads;

	private final Accounts accounts;

	private final Viewers viewers;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "otos-live-dispatch");
		thread.setDaemon(true);
		return thread;
	});

	private final UnreadCounts counts;

	LiveDispatch(LiveClients clients, ThreadPages threads, Accounts accounts, Viewers viewers, UnreadCounts counts) {
		this.clients = clients;
		this.counts = counts;
		this.threads = threads;
		this.accounts = accounts;
		this.viewers = viewers;
	}

	@Override
	public void received(ThreadSignal signal) {
		forgetCounts(signal);
		if (!signal.isForBrowsers()) {
			return;
		}
		this.worker.execute(() -> {
			try {
				deliver(signal);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not deliver {}", signal, ex);
			}
		});
	}

	@Override
	public void mayHaveMissedSignals() {
		this.counts.forgetAll();
		this.accounts.mayHaveMissedChanges();
		this.worker.execute(() -> this.clients.connectedPeople().forEach(this.clients::resync));
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	/**
	 * Tells the kept unread counts and accounts first, before any browser hears of the
	 * signal and asks for its count again.
	 */
	private void forgetCounts(ThreadSignal signal) {
		switch (signal.kind()) {
			case MESSAGE -> this.counts.messagePosted(signal.personId());
			case CHANGED -> this.counts.threadChanged(signal.personId());
			case READ -> this.counts.read(signal.personId());
			case ACCOUNT -> this.accounts.changedElsewhere(signal.personId());
		}
	}

	private void deliver(ThreadSignal signal) {
		Set<Long> connected = this.clients.connectedPeople();
		if (connected.isEmpty()) {
			return;
		}
		Optional<MessageThread> thread = this.threads.find(signal.threadId());
		if (thread.isEmpty()) {
			return;
		}
		List<UserSummary> people = this.accounts.findAll(connected);
		for (UserSummary person : people) {
			if (!person.active()) {
				this.clients.disconnect(person.id());
			}
			else if (ThreadAccess.mayOpen(this.viewers.of(person), thread.get())) {
				this.clients.send(person.id(), signal);
			}
		}
	}

}
