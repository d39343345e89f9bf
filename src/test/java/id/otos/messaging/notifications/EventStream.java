package id.otos.messaging.notifications;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Server-Sent Events stream read line by line on a thread of its own, its events queued
 * for the test to take.
 */
final class EventStream implements AutoCloseable {

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final HttpResponse<Stream<String>> response;

	private final CountDownLatch ended = new CountDownLatch(1);

	private EventStream(HttpResponse<Stream<String>> response) {
		this.response = response;
	}

	static EventStream open(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<Stream<String>> response = client.send(request, BodyHandlers.ofLines());
			assertThat(response.statusCode()).as("live updates answered").isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
			EventStream stream = new EventStream(response);
			Thread reader = new Thread(stream::read, "test-event-stream");
			reader.setDaemon(true);
			reader.start();
			return stream;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not open " + request.uri(), ex);
		}
	}

	/** The next event with that name within the time, or {@code null}. */
	Event next(String name, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			Event event = (left > 0) ? this.events.poll(left, TimeUnit.NANOSECONDS) : null;
			if (event == null || event.name().equals(name)) {
				return event;
			}
		}
	}

	/**
	 * Whether the server ended the stream within the time.
	 * @param within how long to wait
	 * @return whether it ended
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean ends(Duration within) throws InterruptedException {
		return this.ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Every event received so far and not yet taken. */
	List<Event> drain() {
		List<Event> drained = new ArrayList<>();
		this.events.drainTo(drained);
		return drained;
	}

	@Override
	public void close() {
		this.response.body().close();
	}

	private void read() {
		String name = "message";
		String id = null;
		StringBuilder data = new StringBuilder();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(name, data.toString(), id));
					}
					name = "message";
					id = null;
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (RuntimeException ex) {
			// the stream was closed
		}
		finally {
			this.ended.countDown();
		}
	}

	/**
	 * An event as the browser receives it.
	 *
	 * @param name its {@code event:} name
	 * @param data its data
	 * @param id its {@code id:}, or {@code null} if it had none
	 */
	record Event(String name, String data, String id) {

		boolean isAbout(long threadId) {
			return this.data.contains("\"thread\":" + threadId + ",");
		}

	}

}
