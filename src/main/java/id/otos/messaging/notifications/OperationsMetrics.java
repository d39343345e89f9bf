package id.otos.messaging.notifications;

import id.otos.messaging.threads.ThreadEvents.MessagePosted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The app's own metrics (Prometheus names in brackets): messages posted
 * ({@code otos_messages_posted_total}, counted once their transaction committed), e-mails
 * sent and failed ({@code otos_mail_sent_total}, {@code otos_mail_failed_total}) and live
 * connections ({@code otos_live_connections}; the streams refused or closed, by reason,
 * {@code otos_live_dropped_total}, are counted by {@link LiveClients}). The unread-count
 * timer lives with the count ({@code threads.Inbox}).
 */
@Component
class OperationsMetrics {

	private final Counter messagesPosted;

	private final Counter mailSent;

	private final Counter mailFailed;

	OperationsMetrics(MeterRegistry meters, ObjectProvider<LiveConnections> live) {
		this.messagesPosted = Counter.builder("otos.messages.posted")
			.description("Messages posted to threads, counted after their transaction committed")
			.register(meters);
		this.mailSent = Counter.builder("otos.mail.sent")
			.description("E-mails a mail server accepted")
			.register(meters);
		this.mailFailed = Counter.builder("otos.mail.failed")
			.description("Delivery attempts that failed (the e-mail stays in the outbox and is retried)")
			.register(meters);
		LiveConnections connections = live.getIfAvailable(() -> () -> 0);
		Gauge.builder("otos.live.connections", connections, LiveConnections::open)
			.description("Live-update connections open on this node")
			.register(meters);
	}

	@TransactionalEventListener
	void on(MessagePosted posted) {
		this.messagesPosted.increment();
	}

	void mailSent() {
		this.mailSent.increment();
	}

	void mailFailed() {
		this.mailFailed.increment();
	}

}
