package id.otos.messaging.notifications;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A stream's connection as the Servlet API's asynchronous request with non-blocking
 * output (for a container other than Tomcat, and for tests without a server): the request
 * lasts as long as the stream, and with it its container's buffers.
 */
final class ServletStreamConnection implements StreamConnection, WriteListener, AsyncListener {

	private final AsyncContext async;

	private final ServletOutputStream out;

	private final LiveStream stream;

	private ServletStreamConnection(AsyncContext async, ServletOutputStream out, LiveStream stream) {
		this.async = async;
		this.out = out;
		this.stream = stream;
	}

	/**
	 * Serves the stream on an asynchronous request without a container timeout (the
	 * stream keeps its own time); the container calls {@link #onWritePossible()} once the
	 * request's filters are done, so they still add their headers.
	 */
	static ServletStreamConnection open(HttpServletRequest request, LiveStream stream) throws IOException {
		AsyncContext context = request.startAsync();
		HttpServletResponse response = (HttpServletResponse) context.getResponse();
		try {
			context.setTimeout(0);
			StreamConnection.eventStreamHeaders(response);
			ServletStreamConnection connection = new ServletStreamConnection(context, response.getOutputStream(),
					stream);
			context.addListener(connection);
			connection.out.setWriteListener(connection);
			return connection;
		}
		catch (IOException | RuntimeException ex) {
			StreamConnection.refuse(response);
			complete(context);
			throw ex;
		}
	}

	@Override
	public boolean isReady() {
		return this.out.isReady();
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		this.out.write(bytes, offset, length);
	}

	@Override
	public void flush() throws IOException {
		this.out.flush();
	}

	/**
	 * Completes the response, which closes the connection ({@code Connection: close}).
	 */
	@Override
	public void close() {
		complete(this.async);
	}

	/**
	 * No: Tomcat completing an asynchronous response whose bytes are still pending loses
	 * count of it if the reader then closes the connection, and graceful shutdown would
	 * wait for it. The container's write timeout ends such a stream.
	 */
	@Override
	public boolean mayCloseWithBytesPending() {
		return false;
	}

	@Override
	public void onWritePossible() {
		this.stream.onWritePossible();
	}

	@Override
	public void onError(Throwable failure) {
		this.stream.connectionLost();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		this.stream.connectionClosed();
	}

	@Override
	public void onError(AsyncEvent event) {
		this.stream.connectionLost();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		this.stream.connectionLost();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
		// started once, by open()
	}

	private static void complete(AsyncContext context) {
		try {
			context.complete();
		}
		catch (IllegalStateException ex) {
			// already completed
		}
	}

}
