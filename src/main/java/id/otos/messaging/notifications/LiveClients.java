package id.otos.messaging.notifications;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.management.UnixOperatingSystemMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The event streams open on this node, by person, within three caps
 * ({@link LiveProperties}): a session's and a person's (a new stream closes their oldest,
 * whose page is told {@code bye} with reason {@code replaced}) and the node's (a stream
 * over it is refused, and nobody's is closed for it). Sending never waits for a reader
 * ({@link LiveStream}); a stream that falls behind by more than its outbox, or whose
 * connection takes nothing for {@code stall-timeout}, is closed and forgotten, and its
 * page catches up when it reconnects ({@code hello}). Once a second a sweep ends the
 * streams whose time is up (their lifetime, or their session's idle timeout) and the
 * stalled ones, and every {@code heartbeat} it sends a comment to the others. Holds no
 * database connection; streams end first when the application stops, so the web server's
 * graceful shutdown does not wait for them.
 */
@Component
class LiveClients implements SmartLifecycle, LiveConnections {

	/** How soon a browser reconnects after its stream ended. */
	static final Duration RECONNECT = Duration.ofSeconds(1);

	static final Duration SWEEP = Duration.ofSeconds(1);

	/**
	 * The reason a stream closed to make room for a newer one of its session or person.
	 */
	static final String REPLACED = "replaced";

	/** The reason a stream whose session ended (log-out, password change...) closed. */
	static final String ENDED = "ended";

	private static final Logger logger = LoggerFactory.getLogger(LiveClients.class);

	private final LiveProperties settings;

	private final int nodeCap;

	private final Object lock = new Object();

	/** Each person's streams, oldest first; a list is replaced, never changed. */
	private final Map<Long, List<LiveStream>> streams = new ConcurrentHashMap<>();

	private volatile int open;

	private volatile boolean running;

	private long lastHeartbeat = System.nanoTime();

	private final Counter replaced;

	private final Counter refused;

	private final Counter stalled;

	private final Counter ended;

	private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "otos-live-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	LiveClients(LiveProperties settings, MeterRegistry meters,
			@Value("${server.tomcat.max-connections:14000}") int maxConnections) {
		this.settings = settings;
		this.nodeCap = settings.nodeCap(maxConnections);
		if (this.nodeCap < settings.maxStreams()) {
			logger.warn(
					"Live updates: at most {} streams on this node (otos.live.max-streams is {}, but"
							+ " server.tomcat.max-connections is {} and a quarter is kept for everything else)",
					this.nodeCap, settings.maxStreams(), maxConnections);
		}
		long files = openFilesAllowed();
		if (files > 0 && files < maxConnections + 1024L) {
			logger.warn("Live updates: this process may open only {} files (ulimit -n), fewer than"
					+ " server.tomcat.max-connections ({}) and the files it needs besides: raise the limit"
					+ " (systemd: LimitNOFILE) to hold {} streams", files, maxConnections, this.nodeCap);
		}
		this.replaced = dropped(meters, REPLACED);
		this.refused = dropped(meters, "refused");
		this.stalled = dropped(meters, "stalled");
		this.ended = dropped(meters, ENDED);
		long period = SWEEP.toMillis();
		this.sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream for the person on the request's connection, closing the oldest of
	 * their session's or their own if they hold as many as they may. Its first event,
	 * {@code hello}, tells the page to fetch what it shows again: whatever changed before
	 * the stream opened (or while a previous one was cut off) is then on the page too.
	 * @param personId the person
	 * @param request the stream's request, in the person's session
	 * @param response its response, nothing written yet
	 * @return whether the stream was opened; {@code false} if the node holds as many as
	 * it may (then nothing was done: the caller answers the request)
	 * @throws IOException if the connection cannot be had (the request is answered, and
	 * the stream was never counted as open)
	 */
	boolean open(long personId, HttpServletRequest request, HttpServletResponse response) throws IOException {
		StreamSession session = StreamSession.of(request);
		long endsAt = System.nanoTime() + StreamSession.lifetime(request, this.settings.lifetime()).toNanos();
		LiveStream stream = new LiveStream(this, personId, session, endsAt, (int) this.settings.outbox().toBytes(),
				RECONNECT);
		List<LiveStream> oldest;
		synchronized (this.lock) {
			List<LiveStream> mine = this.streams.getOrDefault(personId, List.of());
			oldest = oldestOverCaps(mine, session);
			if (this.open - oldest.size() >= this.nodeCap) {
				this.refused.increment();
				return false;
			}
			List<LiveStream> now = new ArrayList<>(mine);
			now.removeAll(oldest);
			now.add(stream);
			this.streams.put(personId, List.copyOf(now));
			this.open = this.open + 1 - oldest.size();
		}
		try {
			stream.start(request, response);
		}
		catch (IOException | RuntimeException ex) {
			forget(stream);
			throw ex;
		}
		for (LiveStream old : oldest) {
			this.replaced.increment();
			old.end(REPLACED);
		}
		return true;
	}

	/** The people with at least one stream open on this node. */
	Set<Long> connectedPeople() {
		return Set.copyOf(this.streams.keySet());
	}

	/** Every stream open on this node. */
	List<LiveStream> allStreams() {
		return this.streams.values().stream().flatMap(List::stream).toList();
	}

	/**
	 * The person's streams on this node, oldest first.
	 * @param personId the person
	 * @return their streams
	 */
	List<LiveStream> streamsOf(long personId) {
		return this.streams.getOrDefault(personId, List.of());
	}

	/**
	 * Sends the signal to every stream of the person.
	 * @param userId the person
	 * @param signal what happened
	 */
	void send(long userId, ThreadSignal signal) {
		sendToAll(userId, "thread", signal.json());
	}

	/**
	 * Tells every stream of the person to fetch what its page shows again.
	 * @param userId the person
	 */
	void resync(long userId) {
		sendToAll(userId, "hello", "{}");
	}

	/**
	 * Ends every stream of the person on this node; their browser reconnects, and is let
	 * in only while their session lasts.
	 * @param userId the person
	 */
	void disconnect(long userId) {
		streamsOf(userId).forEach((stream) -> end(stream, null));
	}

	/**
	 * Ends a stream whose session has ended, telling its page so ({@code bye},
	 * {@value #ENDED}): the page then stops reconnecting until it is looked at again.
	 * @param stream the stream
	 */
	void sessionEnded(LiveStream stream) {
		if (end(stream, ENDED)) {
			this.ended.increment();
		}
	}

	/**
	 * How many streams are open on this node, for a gauge.
	 * @return the number of open streams
	 */
	@Override
	public int open() {
		return this.open;
	}

	public int openConnections() {
		return this.open;
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every stream (browsers reconnect, to another node if this one is going). */
	@Override
	public void stop() {
		this.running = false;
		this.sweeper.shutdownNow();
		List.copyOf(this.streams.keySet()).forEach(this::disconnect);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Forgets a stream that ended by itself (its connection closed or failed).
	 * @param stream the stream
	 * @return whether it was still open here
	 */
	boolean forget(LiveStream stream) {
		synchronized (this.lock) {
			List<LiveStream> mine = this.streams.get(stream.personId());
			if (mine == null || !mine.contains(stream)) {
				return false;
			}
			List<LiveStream> now = new ArrayList<>(mine);
			now.remove(stream);
			if (now.isEmpty()) {
				this.streams.remove(stream.personId());
			}
			else {
				this.streams.put(stream.personId(), List.copyOf(now));
			}
			this.open--;
			return true;
		}
	}

	/**
	 * Ends the streams whose time is up and those stalled; sends the heartbeat when due.
	 * @param now a {@link System#nanoTime()}
	 */
	void sweep(long now) {
		boolean heartbeat = now - this.lastHeartbeat >= this.settings.heartbeat().toNanos();
		if (heartbeat) {
			this.lastHeartbeat = now;
		}
		long stallNanos = this.settings.stallTimeout().toNanos();
		for (List<LiveStream> mine : this.streams.values()) {
			for (LiveStream stream : mine) {
				if (stream.isOver(now)) {
					end(stream, null);
				}
				else if (stream.isStalled(now, stallNanos) || (heartbeat && !stream.heartbeat())) {
					drop(stream);
				}
			}
		}
	}

	private void sweep() {
		try {
			sweep(System.nanoTime());
		}
		catch (RuntimeException ex) {
			logger.warn("Live updates: the sweep of open streams failed; it runs again in {}", SWEEP, ex);
		}
	}

	private List<LiveStream> oldestOverCaps(List<LiveStream> mine, StreamSession session) {
		List<LiveStream> oldest = new ArrayList<>();
		if (session.identity() != null) {
			List<LiveStream> ofSession = mine.stream()
				.filter((stream) -> session.identity().equals(stream.session().identity()))
				.toList();
			oldest.addAll(ofSession.subList(0, Math.max(0, ofSession.size() - this.settings.streamsPerSession() + 1)));
		}
		List<LiveStream> others = mine.stream().filter((stream) -> !oldest.contains(stream)).toList();
		oldest.addAll(others.subList(0, Math.max(0, others.size() - this.settings.streamsPerPerson() + 1)));
		return oldest;
	}

	private void sendToAll(long userId, String name, String data) {
		for (LiveStream stream : streamsOf(userId)) {
			if (!stream.send(name, data)) {
				drop(stream);
			}
		}
	}

	/** Closes a stream that did not keep up; its page catches up when it reconnects. */
	private void drop(LiveStream stream) {
		if (end(stream, null)) {
			this.stalled.increment();
			logger.debug("Live stream of user {} dropped: its reader did not keep up", stream.personId());
		}
	}

	private boolean end(LiveStream stream, String reason) {
		boolean wasOpen = forget(stream);
		stream.end(reason);
		return wasOpen;
	}

	/** How many files this process may open, or 0 if the JVM does not say. */
	private static long openFilesAllowed() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
			return unix.getMaxFileDescriptorCount();
		}
		return 0;
	}

	private static Counter dropped(MeterRegistry meters, String reason) {
		return Counter.builder("otos.live.dropped")
			.description("Live-update streams the node refused (over its cap) or closed: replaced by a newer one of"
					+ " the same session or person, stalled (the reader did not keep up), ended (their session ended)")
			.tag("reason", reason)
			.register(meters);
	}

}
