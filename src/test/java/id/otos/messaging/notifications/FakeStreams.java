package id.otos.messaging.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * {@link LiveClients} without a web server: each stream's connection is a fake whose
 * reader can stop and start reading, as the Servlet API's non-blocking output reports it
 * ({@code isReady()} and {@code onWritePossible()}).
 */
final class FakeStreams {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final LiveClients clients;

	FakeStreams(LiveProperties settings) {
		this(settings, 8192);
	}

	FakeStreams(LiveProperties settings, int maxConnections) {
		this.clients = new LiveClients(settings, this.meters, maxConnections);
	}

	LiveClients clients() {
		return this.clients;
	}

	/**
	 * How many streams were refused or closed for the reason
	 * ({@code otos_live_dropped_total}).
	 */
	double dropped(String reason) {
		return this.meters.get("otos.live.dropped").tag("reason", reason).counter().count();
	}

	/**
	 * Opens a stream of the person in a session that does not expire.
	 * @return its connection, or {@code null} if the node refused it
	 */
	Connection open(long personId, String sessionId) throws IOException {
		return open(personId, sessionId, null);
	}

	/**
	 * Opens a stream of the person in a session that expires after {@code idle} without
	 * activity.
	 * @return its connection, or {@code null} if the node refused it
	 */
	Connection open(long personId, String sessionId, Duration idle) throws IOException {
		Connection connection = new Connection();
		MockHttpSession session = new MockHttpSession(null, sessionId);
		if (idle != null) {
			session.setMaxInactiveInterval((int) idle.toSeconds());
		}
		connection.request.setSession(session);
		if (!this.clients.open(personId, connection.request, connection.response)) {
			return null;
		}
		connection.out.listener.onWritePossible();
		return connection;
	}

	/** A stream's connection: what was written to it, and whether its reader reads. */
	static final class Connection {

		final FakeOutput out = new FakeOutput();

		final MockHttpServletResponse response = new MockHttpServletResponse() {

			@Override
			public ServletOutputStream getOutputStream() {
				if (Connection.this.outputFails) {
					throw new IllegalStateException("the response's output cannot be had");
				}
				return Connection.this.out;
			}

		};

		final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/messages/events/") {

			@Override
			public AsyncContext startAsync() {
				return startAsync(this, Connection.this.response);
			}

		};

		/** Whether the response's output cannot be had (the connection failed). */
		volatile boolean outputFails;

		Connection() {
			this.request.setAsyncSupported(true);
		}

		/** Everything written to the connection. */
		String written() {
			return this.out.bytes.toString(StandardCharsets.UTF_8);
		}

		/** The events written, as {@code name id data}. */
		List<String> events() {
			List<String> events = new ArrayList<>();
			for (String block : written().split("\n\n")) {
				String name = null;
				String id = null;
				String data = null;
				for (String line : block.split("\n")) {
					if (line.startsWith("event: ")) {
						name = line.substring(7);
					}
					else if (line.startsWith("id: ")) {
						id = line.substring(4);
					}
					else if (line.startsWith("data: ")) {
						data = line.substring(6);
					}
				}
				if (name != null) {
					events.add(name + " " + id + " " + data);
				}
			}
			return events;
		}

		/** Whether the server ended the stream (completed its response). */
		boolean ended() {
			return !this.request.isAsyncStarted();
		}

		/** The reader stops reading: the connection takes nothing more. */
		void stall() {
			this.out.ready = false;
		}

		/** The reader reads again: the connection takes everything, and says so. */
		void resume() throws IOException {
			this.out.ready = true;
			if (this.out.waiting) {
				this.out.waiting = false;
				this.out.listener.onWritePossible();
			}
		}

	}

	/** Non-blocking output whose reader can stop and start reading. */
	static final class FakeOutput extends ServletOutputStream {

		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		WriteListener listener;

		volatile boolean ready = true;

		volatile boolean waiting;

		@Override
		public boolean isReady() {
			if (!this.ready) {
				this.waiting = true;
			}
			return this.ready;
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
			this.listener = writeListener;
		}

		@Override
		public void write(int b) {
			requireReady();
			this.bytes.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			requireReady();
			this.bytes.write(b, off, len);
		}

		@Override
		public void flush() {
			requireReady();
		}

		private void requireReady() {
			if (!this.ready) {
				throw new IllegalStateException("written while not ready");
			}
		}

	}

}
