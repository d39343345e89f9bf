package id.otos.messaging.threads;

import java.time.Duration;
import java.time.Instant;

import id.otos.messaging.threads.ThreadEvents.MessagePosted;
import id.otos.messaging.threads.ThreadEvents.ThreadChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The response-time figures for Prometheus: a timer (with histogram buckets) of first
 * response times and one of resolution times, each recorded once the reply or the move
 * that set it is committed, and a gauge of overdue threads, counted in the database when
 * scraped (one statement per scrape).
 */
@Component
class ResponseMetrics {

	private final JdbcClient jdbc;

	private final Timer firstResponse;

	private final Timer resolution;

	ResponseMetrics(JdbcClient jdbc, ResponseTimes responseTimes, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.firstResponse = Timer.builder("otos.thread.first.response")
			.description("Time from a student opening a thread to its first answer")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMinutes(1))
			.maximumExpectedValue(Duration.ofDays(14))
			.register(meters);
		this.resolution = Timer.builder("otos.thread.resolution")
			.description("Time from a thread being opened to it being resolved or closed")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMinutes(1))
			.maximumExpectedValue(Duration.ofDays(60))
			.register(meters);
		Gauge.builder("otos.threads.overdue", responseTimes, ResponseTimes::overdueCount)
			.description("Threads whose student has waited longer than the response target")
			.register(meters);
	}

	@TransactionalEventListener
	void messagePosted(MessagePosted event) {
		if (event.senderId() == event.studentId()) {
			return;
		}
		this.jdbc.sql("""
				select t.created_at, t.first_response_at from otosapp_messagethread t
				join otosapp_message m on m.id = :message
				where t.id = :thread and t.first_response_at = m.created_at""")
			.param("thread", event.threadId())
			.param("message", event.messageId())
			.query((rs, rowNumber) -> elapsed(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.optional()
			.ifPresent(this.firstResponse::record);
	}

	/** A move that resolved or closed the thread stamped both times with its own. */
	@TransactionalEventListener
	void threadChanged(ThreadChanged event) {
		this.jdbc.sql("""
				select t.created_at, t.resolved_at from otosapp_messagethread t
				where t.id = :thread and t.resolved_at = t.updated_at""")
			.param("thread", event.threadId())
			.query((rs, rowNumber) -> elapsed(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.optional()
			.ifPresent(this.resolution::record);
	}

	private static Duration elapsed(Instant from, Instant to) {
		return Duration.between(from, to);
	}

}
