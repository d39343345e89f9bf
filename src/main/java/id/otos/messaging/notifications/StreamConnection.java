package id.otos.messaging.notifications;

import java.io.IOException;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The connection an open {@link LiveStream} writes to, without ever waiting for its
 * reader: it takes bytes only while {@link #isReady()}, and once it was not ready it
 * calls the stream's {@link LiveStream#onWritePossible()} when it can take more. It tells
 * the stream when the reader went away or the connection failed
 * ({@link LiveStream#connectionLost()}) and when it is closed for good
 * ({@link LiveStream#connectionClosed()}).
 *
 * <p>
 * On Tomcat the connection is handed over once the stream's headers are sent
 * ({@link TomcatStreamConnection}, docs/decisions/0021): the request, the response and
 * their buffers go back to Tomcat, and the stream keeps the socket alone. Elsewhere (a
 * test's mock request) it is the Servlet API's asynchronous, non-blocking output
 * ({@link ServletStreamConnection}).
 */
interface StreamConnection {

	/**
	 * Serves the stream on the request's connection: the headers of an event stream are
	 * set, and the stream's bytes are written once the connection can take them.
	 * @param request the stream's request
	 * @param response its response, nothing written yet
	 * @param stream the stream
	 * @return the connection
	 * @throws IOException if the connection cannot be had; the request is then answered
	 * (503, if nothing was sent yet) and holds nothing
	 */
	static StreamConnection open(HttpServletRequest request, HttpServletResponse response, LiveStream stream)
			throws IOException {
		if (TomcatStreamConnection.canServe(innermost(request))) {
			return TomcatStreamConnection.open(request, response, stream);
		}
		return ServletStreamConnection.open(request, stream);
	}

	/**
	 * Whether the connection takes bytes now; if not, the stream is called back when it
	 * does.
	 * @return whether {@link #write} may be called
	 */
	boolean isReady();

	/**
	 * Writes bytes without waiting for the reader; call only when {@link #isReady()}.
	 * @param bytes the bytes
	 * @param offset where they start
	 * @param length how many
	 * @throws IOException if the connection failed
	 */
	void write(byte[] bytes, int offset, int length) throws IOException;

	/**
	 * Sends what was written; call only when {@link #isReady()}.
	 * @throws IOException if the connection failed
	 */
	void flush() throws IOException;

	/** Closes the connection, from any thread; closing it again does nothing. */
	void close();

	/**
	 * Whether the connection may be closed while bytes the reader has not taken are still
	 * pending; if not, an ended stream waits for them to be taken or for the connection
	 * to fail before it closes.
	 * @return whether closing at once is safe
	 */
	boolean mayCloseWithBytesPending();

	/**
	 * Sets the headers of an event stream on the response: {@code 200}, no caching, no
	 * proxy buffering, and {@code Connection: close}, so that the body ends with the
	 * connection and is never chunked.
	 * @param response the response
	 */
	static void eventStreamHeaders(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/event-stream");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Connection", "close");
	}

	/**
	 * Answers a stream whose connection could not be had, if nothing was sent yet:
	 * {@code 503} with {@code Retry-After}, instead of the event stream's headers.
	 * @param response the response
	 */
	static void refuse(HttpServletResponse response) {
		if (!response.isCommitted()) {
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", Integer.toString(LiveUpdatesController.RETRY_AFTER_SECONDS));
		}
	}

	private static ServletRequest innermost(ServletRequest request) {
		ServletRequest inner = request;
		while (inner instanceof ServletRequestWrapper wrapper) {
			inner = wrapper.getRequest();
		}
		return inner;
	}

}
