package id.otos.messaging.notifications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One open event stream, written with the Servlet API's non-blocking output: bytes go to
 * the connection only when it can take them at once, and what it cannot take yet waits in
 * a small outbox of this stream's own. Nothing here ever waits for the reader, so a
 * reader that does not read holds up nobody else; it only fills its outbox, and a stream
 * whose outbox would overflow reports so and is closed by {@link LiveClients}.
 *
 * <p>
 * Holds only what it needs: the person, its session's id and indexed name (to check later
 * whether that session still exists), when it must end, its own event counter (ids are
 * numbered per stream, so they tell nothing of other people's events), and the bytes not
 * yet written, if any. All writing happens under this object's lock, so the container's
 * {@link #onWritePossible()} and the threads that send events take turns.
 */
final class LiveStream implements WriteListener, AsyncListener {

	private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

	private final LiveClients clients;

	private final long personId;

	private final StreamSession session;

	private final long endsAt;

	private final int outboxLimit;

	private AsyncContext async;

	private ServletOutputStream out;

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
	 * Serves the stream on the request's connection: asynchronous without a container
	 * timeout (the stream keeps its own time), the headers of an event stream set, and
	 * the container asked to call {@link #onWritePossible()}, which writes the first
	 * bytes once the request's filters are done (so they still add their headers). Waits
	 * for nothing.
	 * @param request the request of the stream
	 * @throws IOException if the response's output cannot be had
	 */
	synchronized void start(HttpServletRequest request) throws IOException {
		AsyncContext context = request.startAsync();
		HttpServletResponse response = (HttpServletResponse) context.getResponse();
		try {
			context.setTimeout(0);
			context.addListener(this);
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentType("text/event-stream");
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("X-Accel-Buffering", "no");
			response.setHeader("Connection", "close");
			this.async = context;
			this.out = response.getOutputStream();
			this.out.setWriteListener(this);
		}
		catch (IOException | RuntimeException ex) {
			failedToStart(context, response);
			throw ex;
		}
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
	 * reason goes out if the connection takes it at once, and the response is completed,
	 * which closes the connection ({@code Connection: close}). If the connection is still
	 * holding bytes the reader has not taken, the response is completed only when the
	 * container reports that it took them ({@link #onWritePossible()}) or that it gave up
	 * (its write timeout, or the reader went away: {@link #onError(AsyncEvent)}): Tomcat
	 * completing a response whose bytes are still pending loses count of it if the reader
	 * then closes the connection, and graceful shutdown would wait for it.
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
			if (reason != null && this.out != null) {
				append(event("bye", "{\"reason\":\"" + reason + "\"}"));
				pump();
			}
			this.outbox = null;
			this.pending = 0;
			pendingWrite = this.blockedSince != 0;
		}
		if (!pendingWrite) {
			complete();
		}
	}

	@Override
	public void onWritePossible() {
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

	@Override
	public void onError(Throwable failure) {
		gone();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		forgotten();
	}

	@Override
	public void onError(AsyncEvent event) {
		gone();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		gone();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
		// started once, by start()
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
		if (this.out == null) {
			return true;
		}
		try {
			while (this.out.isReady()) {
				if (this.pending > 0) {
					this.out.write(this.outbox, 0, this.pending);
					this.pending = 0;
					this.outbox = null;
					this.unflushed = true;
				}
				else if (this.unflushed) {
					this.unflushed = false;
					this.out.flush();
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

	/**
	 * Answers the request of a stream that could not start ({@code 503}, if nothing was
	 * sent yet) and completes it: it holds nothing, and is never counted as open.
	 */
	private void failedToStart(AsyncContext context, HttpServletResponse response) {
		this.ended = true;
		this.outbox = null;
		this.pending = 0;
		if (!response.isCommitted()) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", Integer.toString(LiveUpdatesController.RETRY_AFTER_SECONDS));
		}
		try {
			context.complete();
		}
		catch (IllegalStateException ex) {
			// already completed
		}
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
		AsyncContext context;
		synchronized (this) {
			context = this.async;
		}
		if (context != null) {
			try {
				context.complete();
			}
			catch (IllegalStateException ex) {
				// already completed
			}
		}
	}

}
