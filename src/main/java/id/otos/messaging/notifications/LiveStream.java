package id.otos.messaging.notifications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One open event stream, written to its {@link StreamConnection} without blocking: bytes
 * go to the connection only when it can take them at once, and what it cannot take yet
 * waits in a small outbox of this stream's own. Nothing here ever waits for the reader,
 * so a reader that does not read holds up nobody else; it only fills its outbox, and a
 * stream whose outbox would overflow reports so and is closed by {@link LiveClients}.
 *
 * <p>
 * Holds only what it needs: the person, its session's id and indexed name (to check later
 * whether that session still exists), when it must end, its own event counter (ids are
 * numbered per stream, so they tell nothing of other people's events), and the bytes not
 * yet written, if any. All writing happens under this object's lock, so the container's
 * {@link #onWritePossible()} and the threads that send events take turns.
 */
final class LiveStream {

	private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

	private final LiveClients clients;

	private final long personId;

	private final StreamSession session;

	private final long endsAt;

	private final int outboxLimit;

	private StreamConnection connection;

	private byte[] outbox;

	private int pending;

	private boolean unflushed;

	private long blockedSince;

	private int lastEventId;

	private boolean ended;

	/**
	 * A stream whose first event, {@code hello} (with the browser's reconnection delay),
	 * waits to be written once the stream is {@link #start started}.
	 * @param clients the streams of this node, told when this one ends by itself
	 * @param personId the person it is for
	 * @param session the session it was opened in
	 * @param endsAt when it must end at the latest, as a {@link System#nanoTime()}
	 * @param outboxLimit how many bytes may wait to be written
	 * @param reconnect how soon the browser should reconnect after the stream ended
	 */
	LiveStream(LiveClients clients, long personId, StreamSession session, long endsAt, int outboxLimit,
			Duration reconnect) {
		this.clients = clients;
		this.personId = personId;
		this.session = session;
		this.endsAt = endsAt;
		this.outboxLimit = outboxLimit;
		append(("retry: " + reconnect.toMillis() + "\n").getBytes(StandardCharsets.US_ASCII));
		append(event("hello", "{}"));
	}

	long personId() {
		return this.personId;
	}

	StreamSession session() {
		return this.session;
	}

	/**
	 * Serves the stream on the request's connection ({@link StreamConnection#open}): the
	 * headers of an event stream are sent, and the first bytes once the connection can
	 * take them. Waits for nothing. Events sent meanwhile wait in the outbox.
	 * @param request the request of the stream
	 * @param response its response
	 * @throws IOException if the connection cannot be had (the request is then answered
	 * and the stream has ended)
	 */
	void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
		StreamConnection opened;
		try {
			opened = StreamConnection.open(request, response, this);
		}
		catch (IOException | RuntimeException ex) {
			synchronized (this) {
				this.ended = true;
				this.outbox = null;
				this.pending = 0;
			}
			throw ex;
		}
		synchronized (this) {
			this.connection = opened;
			if (!this.ended) {
				return;
			}
		}
		opened.close();
	}

	/**
	 * Sends an event, numbered with this stream's next id.
	 * @param name the event's name
	 * @param data the event's data, one line
	 * @return {@code false} if the stream cannot take it (its outbox would overflow, or
	 * its connection failed): it must be closed; {@code true} otherwise, also when it has
	 * already ended
	 */
	synchronized boolean send(String name, String data) {
		if (this.ended) {
			return true;
		}
		return offer(event(name, data));
	}

	/**
	 * Sends a comment, unless bytes are waiting anyway.
	 * @return as {@link #send}
	 */
	synchronized boolean heartbeat() {
		if (this.ended || this.pending > 0) {
			return true;
		}
		return offer(HEARTBEAT);
	}

	/**
	 * Whether the connection has taken nothing for longer than {@code stallNanos}.
	 * @param now a {@link System#nanoTime()}
	 * @param stallNanos how long is too long
	 * @return whether the stream is stalled
	 */
	synchronized boolean isStalled(long now, long stallNanos) {
		return !this.ended && this.blockedSince != 0 && now - this.blockedSince > stallNanos;
	}

	/**
	 * Whether the stream has reached the end of its lifetime.
	 * @param now a {@link System#nanoTime()}
	 * @return whether it should end now
	 */
	boolean isOver(long now) {
		return now - this.endsAt >= 0;
	}

	/**
	 * Ends the stream without waiting for the reader: a last {@code bye} event with the
	 * reason goes out if the connection takes it at once, and the connection is closed.
	 * If it is still holding bytes the reader has not taken and may not be closed so
	 * ({@link StreamConnection#mayCloseWithBytesPending()}), it is closed only when it
	 * reports that it took them ({@link #onWritePossible()}) or that it failed
	 * ({@link #connectionLost()}).
	 * @param reason why, for the page ({@code {"reason": ...}}), or {@code null} to just
	 * close (the browser reconnects by itself)
	 */
	void end(String reason) {
		boolean pendingWrite;
		synchronized (this) {
			if (this.ended) {
				return;
			}
			this.ended = true;
			if (reason != null && this.connection != null) {
				append(event("bye", "{\"reason\":\"" + reason + "\"}"));
				pump();
			}
			this.outbox = null;
			this.pending = 0;
			pendingWrite = this.blockedSince != 0 && this.connection != null
					&& !this.connection.mayCloseWithBytesPending();
		}
		if (!pendingWrite) {
			complete();
		}
	}

	/**
	 * The connection can take bytes again (or for the first time): writes what waits, and
	 * completes an ended stream whose last bytes are out.
	 */
	void onWritePossible() {
		boolean written;
		boolean ending;
		synchronized (this) {
			ending = this.ended;
			written = ending || pump();
		}
		if (!written) {
			gone();
		}
		else if (ending) {
			complete();
		}
	}

	/** The connection failed, or its reader went away: the stream ends. */
	void connectionLost() {
		gone();
	}

	/** The connection is closed for good: the stream is forgotten. */
	void connectionClosed() {
		forgotten();
	}

	private boolean offer(byte[] bytes) {
		if (this.pending + bytes.length > this.outboxLimit) {
			return false;
		}
		append(bytes);
		return pump();
	}

	/**
	 * Writes what waits, as far as the connection takes it without blocking; if it takes
	 * no more, the container calls {@link #onWritePossible()} when it does.
	 * @return {@code false} if the connection failed
	 */
	private boolean pump() {
		if (this.connection == null) {
			return true;
		}
		try {
			while (this.connection.isReady()) {
				if (this.pending > 0) {
					this.connection.write(this.outbox, 0, this.pending);
					this.pending = 0;
					this.outbox = null;
					this.unflushed = true;
				}
				else if (this.unflushed) {
					this.unflushed = false;
					this.connection.flush();
				}
				else {
					this.blockedSince = 0;
					return true;
				}
			}
			if (this.blockedSince == 0) {
				this.blockedSince = System.nanoTime();
			}
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			return false;
		}
	}

	private void append(byte[] bytes) {
		if (this.outbox == null) {
			this.outbox = Arrays.copyOf(bytes, Math.max(bytes.length, 128));
		}
		else {
			if (this.pending + bytes.length > this.outbox.length) {
				this.outbox = Arrays.copyOf(this.outbox, Math.max(this.pending + bytes.length, this.outbox.length * 2));
			}
			System.arraycopy(bytes, 0, this.outbox, this.pending, bytes.length);
		}
		this.pending += bytes.length;
	}

	private byte[] event(String name, String data) {
		this.lastEventId++;
		return ("event: " + name + "\nid: " + this.lastEventId + "\ndata: " + data + "\n\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The connection failed or was closed by the reader: forget the stream, end it. */
	private void gone() {
		forgotten();
		complete();
	}

	private void forgotten() {
		synchronized (this) {
			this.ended = true;
			this.outbox = null;
			this.pending = 0;
		}
		this.clients.forget(this);
	}

	private void complete() {
		StreamConnection opened;
		synchronized (this) {
			opened = this.connection;
		}
		if (opened != null) {
			opened.close();
		}
	}

}
