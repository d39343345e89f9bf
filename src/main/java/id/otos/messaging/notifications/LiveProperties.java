package id.otos.messaging.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Live-update settings ({@code otos.live.*}): how many event streams one session, one
 * person and the whole node may hold open, and when a stream is given up.
 *
 * @param streamsPerSession streams one session (one browser) may hold; a new one closes
 * the session's oldest
 * @param streamsPerPerson streams one person may hold over all their sessions; a new one
 * closes the person's oldest
 * @param maxStreams streams the node holds at most; more are refused with 503 (and at
 * most three quarters of {@code server.tomcat.max-connections}, so that log-ins, pages
 * and probes always find a connection)
 * @param outbox the most a stream may have waiting to be written to a reader that does
 * not keep up; a stream that would need more is closed
 * @param stallTimeout how long a stream may go without its connection taking anything
 * before it is closed
 * @param heartbeat how often an idle stream gets a comment, so that proxies keep it open
 * and a dead connection is noticed
 * @param lifetime the longest a stream stays open (the browser then opens a new one); a
 * stream ends sooner when its session would expire without activity
 */
@ConfigurationProperties("otos.live")
record LiveProperties(@DefaultValue("3") int streamsPerSession, @DefaultValue("8") int streamsPerPerson,
		@DefaultValue("10000") int maxStreams, @DefaultValue("8KB") DataSize outbox,
		@DefaultValue("10s") Duration stallTimeout, @DefaultValue("20s") Duration heartbeat,
		@DefaultValue("30m") Duration lifetime) {

	LiveProperties {
		if (streamsPerSession < 1 || streamsPerPerson < 1 || maxStreams < 1) {
			throw new IllegalArgumentException(
					"otos.live.streams-per-session, streams-per-person and max-streams" + " must be at least 1");
		}
		if (outbox.toBytes() < 256 || outbox.toBytes() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("otos.live.outbox must be between 256 bytes and 2 GB");
		}
		if (!isPositive(stallTimeout) || !isPositive(heartbeat) || !isPositive(lifetime)) {
			throw new IllegalArgumentException("otos.live.stall-timeout, heartbeat and lifetime must be positive");
		}
	}

	/** The settings when nothing is configured. */
	static LiveProperties defaults() {
		return new LiveProperties(3, 8, 10000, DataSize.ofKilobytes(8), Duration.ofSeconds(10), Duration.ofSeconds(20),
				Duration.ofMinutes(30));
	}

	/**
	 * The node's cap on streams given the web server's: {@link #maxStreams()}, but never
	 * more than three quarters of the connections the web server accepts.
	 * @param maxConnections {@code server.tomcat.max-connections}
	 * @return the cap
	 */
	int nodeCap(int maxConnections) {
		int leaveFree = Math.max(maxConnections / 4, 1);
		return Math.max(1, Math.min(this.maxStreams, maxConnections - leaveFree));
	}

	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

}
