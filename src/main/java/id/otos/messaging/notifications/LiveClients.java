package id.otos.messaging.notifications;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this node, by person. Each stream gets a comment every
 * {@link #HEARTBEAT} (so proxies keep it open and a dead one is noticed), ends after
 * {@link #TIMEOUT} (the browser opens a new one), and is forgotten when it ends or fails.
 * Holds no database connection. Streams end first when the application stops, so the web
 * server's graceful shutdown does not wait for them.
 */
@Component
class LiveClients implements SmartLifecycle, LiveConnections {

	static final Duration HEARTBEAT = Duration.ofSeconds(20);

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	/** How soon a browser reconnects after its stream ended. */
	static final Duration RECONNECT = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(LiveClients.class);

	private final Map<Long, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

	private final AtomicLong eventIds = new AtomicLong();

	private volatile boolean running;

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "otos-live-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	LiveClients() {
		long period = HEARTBEAT.toMillis();
		this.heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream for the person. Its first event, {@code hello}, tells the page to
	 * fetch what it shows again: whatever changed before the stream opened (or while a
	 * previous one was cut off) is then on the page too.
	 * @param userId the person
	 * @return the stream
	 */
	SseEmitter connect(long userId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Set<SseEmitter> mine = this.streams.computeIfAbsent(userId, (id) -> ConcurrentHashMap.newKeySet());
		mine.add(emitter);
		Runnable forget = () -> forget(userId, emitter);
		emitter.onCompletion(forget);
		emitter.onTimeout(forget);
		emitter.onError((ex) -> forget.run());
		send(userId, emitter,
				SseEmitter.event()
					.name("hello")
					.id(Long.toString(this.eventIds.incrementAndGet()))
					.reconnectTime(RECONNECT.toMillis())
					.data("{}"));
		return emitter;
	}

	/** The people with at least one stream open on this node. */
	Set<Long> connectedPeople() {
		return Set.copyOf(this.streams.keySet());
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
	 * Ends every stream of the person on this node (their browser reconnects, and is let
	 * in only while their session lasts).
	 * @param userId the person
	 */
	void disconnect(long userId) {
		Set<SseEmitter> mine = this.streams.remove(userId);
		if (mine != null) {
			mine.forEach(SseEmitter::complete);
		}
	}

	/**
	 * How many streams are open on this node, for a gauge.
	 * @return the number of open streams
	 */
	@Override
	public int open() {
		return openConnections();
	}

	public int openConnections() {
		return this.streams.values().stream().mapToInt(Set::size).sum();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every stream (browsers reconnect, to another node if this one is going). */
	@Override
	public void stop() {
		this.running = false;
		this.heartbeat.shutdownNow();
		List.copyOf(this.streams.keySet()).forEach(this::disconnect);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void sendToAll(long userId, String name, String data) {
		Set<SseEmitter> mine = this.streams.get(userId);
		if (mine == null) {
			return;
		}
		String id = Long.toString(this.eventIds.incrementAndGet());
		for (SseEmitter emitter : List.copyOf(mine)) {
			send(userId, emitter, SseEmitter.event().name(name).id(id).data(data));
		}
	}

	private void beat() {
		this.streams.forEach((userId, mine) -> {
			for (SseEmitter emitter : List.copyOf(mine)) {
				send(userId, emitter, SseEmitter.event().comment("heartbeat"));
			}
		});
	}

	private void send(long userId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Live stream of user {} is gone: {}", userId, ex.getMessage());
			forget(userId, emitter);
		}
	}

	private void forget(long userId, SseEmitter emitter) {
		this.streams.computeIfPresent(userId, (id, mine) -> {
			mine.remove(emitter);
			return mine.isEmpty() ? null : mine;
		});
	}

}
