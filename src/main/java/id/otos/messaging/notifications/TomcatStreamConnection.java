package id.otos.messaging.notifications;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.WebConnection;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * A stream's connection on Tomcat, handed over once its headers are sent
 * (docs/decisions/0021): the stream's {@code 200} response with its headers is committed,
 * then the connection is upgraded through Tomcat's own upgrade interface, so Tomcat
 * recycles the request, the response and their buffers (about 95 KB of the 113 KB a
 * stream cost) and the stream keeps only the socket. The reader still sees the same
 * {@code 200} event stream: Tomcat ignores the upgrade's {@code 101} on a committed
 * response, and a {@code Connection: close} body is sent as it is, never chunked.
 *
 * <p>
 * Writes never wait: bytes go to the socket as far as it takes them, and once it takes no
 * more Tomcat reports when it does ({@link SocketEvent#OPEN_WRITE}). The reader going
 * away is noticed at once (the socket reads its end, {@link SocketEvent#OPEN_READ}), not
 * at the next heartbeat. Tomcat sets no read or write timeout on an upgraded connection:
 * the stream keeps its own time (its lifetime, its stall check), and closes the socket
 * from any thread.
 *
 * <p>
 * Tomcat makes the handler itself, with this public constructor; the stream is attached
 * before Tomcat first calls it.
 */
public final class TomcatStreamConnection implements StreamConnection, InternalHttpUpgradeHandler {

	/** What a stream's reader may send before it is taken for a misbehaving one. */
	static final int MAX_RECEIVED = 4096;

	private volatile LiveStream stream;

	private volatile SocketWrapperBase<?> socket;

	private volatile boolean closed;

	/** Bytes the reader sent after its request; touched by Tomcat's thread only. */
	private long received;

	/** For Tomcat, which makes the handler; {@link #open} attaches its stream. */
	public TomcatStreamConnection() {
	}

	/**
	 * Whether the request is Tomcat's own (not a mock, not another container's).
	 * @param innermost the request inside every wrapper
	 * @return whether its connection can be handed over
	 */
	static boolean canServe(ServletRequest innermost) {
		return innermost instanceof RequestFacade;
	}

	/**
	 * Sends the stream's headers (the filters add theirs as they are committed) and hands
	 * the connection over; the stream's first bytes go out once Tomcat has done so.
	 */
	static TomcatStreamConnection open(HttpServletRequest request, HttpServletResponse response, LiveStream stream)
			throws IOException {
		StreamConnection.eventStreamHeaders(response);
		try {
			response.flushBuffer();
			TomcatStreamConnection connection = request.upgrade(TomcatStreamConnection.class);
			connection.stream = stream;
			return connection;
		}
		catch (ServletException | IOException | RuntimeException ex) {
			StreamConnection.refuse(response);
			throw (ex instanceof IOException io) ? io : new IOException("the stream's connection cannot be had", ex);
		}
	}

	@Override
	public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
		this.socket = wrapper;
	}

	@Override
	public void init(WebConnection connection) {
		if (!this.closed) {
			this.stream.onWritePossible();
		}
	}

	@Override
	public SocketState upgradeDispatch(SocketEvent event) {
		if (this.closed) {
			return SocketState.CLOSED;
		}
		switch (event) {
			case OPEN_READ:
				return readerWentAway() ? lost() : SocketState.UPGRADED;
			case OPEN_WRITE:
				this.stream.onWritePossible();
				return this.closed ? SocketState.CLOSED : SocketState.UPGRADED;
			case STOP:
			case DISCONNECT:
			case ERROR:
			case TIMEOUT:
			case CONNECT_FAIL:
				return lost();
			default:
				return SocketState.UPGRADED;
		}
	}

	@Override
	public boolean isReady() {
		SocketWrapperBase<?> wrapper = this.socket;
		if (wrapper == null || this.closed) {
			return false;
		}
		try {
			wrapper.flush(false);
			return wrapper.isReadyForWrite();
		}
		catch (IOException | IllegalStateException ex) {
			close();
			return false;
		}
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		try {
			this.socket.write(false, bytes, offset, length);
		}
		catch (IllegalStateException ex) {
			throw new IOException("the stream's connection is closed", ex);
		}
	}

	@Override
	public void flush() throws IOException {
		try {
			this.socket.flush(false);
		}
		catch (IllegalStateException ex) {
			throw new IOException("the stream's connection is closed", ex);
		}
	}

	/**
	 * Closes the connection through Tomcat, from any thread. Tomcat serves a connection
	 * on one thread at a time, under the connection's lock, and holds its handler apart
	 * meanwhile: a socket closed under it would never be given back (Tomcat would keep
	 * the handler, and through it the stream, for good). So: on Tomcat's own thread for
	 * this connection, it only says so, and the dispatch under way returns
	 * {@link SocketState#CLOSED}; when no thread serves it, it closes the socket at once;
	 * while another thread does, it asks Tomcat to close it once that thread is done.
	 */
	@Override
	public void close() {
		this.closed = true;
		SocketWrapperBase<?> wrapper = this.socket;
		if (wrapper == null) {
			return; // Tomcat has not handed the connection over yet; its first dispatch
					// closes it
		}
		ReentrantLock serving = wrapper.getLock();
		if (serving.isHeldByCurrentThread()) {
			return;
		}
		if (serving.tryLock()) {
			try {
				wrapper.close();
			}
			finally {
				serving.unlock();
			}
		}
		else {
			wrapper.processSocket(SocketEvent.DISCONNECT, true);
		}
	}

	/**
	 * Yes: the socket is closed with whatever the reader did not take, and nothing of
	 * Tomcat's waits for it (an upgraded connection has no write timeout that would).
	 */
	@Override
	public boolean mayCloseWithBytesPending() {
		return true;
	}

	@Override
	public void destroy() {
		this.closed = true;
		LiveStream attached = this.stream;
		if (attached != null) {
			attached.connectionClosed();
		}
	}

	@Override
	public void timeoutAsync(long now) {
		// no timeouts of Tomcat's: the stream keeps its own time
	}

	@Override
	public void setSslSupport(SSLSupport sslSupport) {
		// the stream needs nothing of TLS
	}

	@Override
	public void pause() {
		// the streams are ended by LiveClients when the application stops
	}

	/**
	 * Reads and drops what the reader sent; whether it closed its end, or sent more than
	 * a reader of an event stream has any reason to (it sends nothing once its request is
	 * out): a reader that keeps sending would keep one of Tomcat's threads reading for
	 * it.
	 */
	private boolean readerWentAway() {
		ByteBuffer dropped = ByteBuffer.allocate(256);
		try {
			int read;
			do {
				dropped.clear();
				read = this.socket.read(false, dropped);
				this.received += Math.max(read, 0);
			}
			while (read > 0 && this.received <= MAX_RECEIVED);
			return read < 0 || this.received > MAX_RECEIVED;
		}
		catch (IOException | IllegalStateException ex) {
			return true;
		}
	}

	private SocketState lost() {
		this.closed = true;
		this.stream.connectionLost();
		return SocketState.CLOSED;
	}

}
