package id.otos.messaging.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An event stream opened over a plain socket, the way a hostile client would: it sends
 * the request, reads the response's head (status and headers) and then reads nothing more
 * unless asked, so the server's writes pile up in the socket's buffers. Its receive
 * buffer can be made as small as the system allows, so that a stalled reader is stalled
 * after a few kilobytes.
 */
final class RawStream implements AutoCloseable {

	private final Socket socket;

	private final int status;

	private final Map<String, String> headers;

	private final InputStream in;

	private RawStream(Socket socket, int status, Map<String, String> headers, InputStream in) {
		this.socket = socket;
		this.status = status;
		this.headers = headers;
		this.in = in;
	}

	/**
	 * Opens {@code GET /messages/events/} on the node at {@code base} with the session.
	 * @param base such as {@code http://127.0.0.1:8080}
	 * @param session the {@code SESSION} cookie's value, or {@code null}
	 * @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's
	 * default
	 * @param extraHeaders more request header lines ({@code Name: value}), may be empty
	 * @return the stream, its head read
	 */
	static RawStream open(String base, String session, int receiveBuffer, String... extraHeaders) {
		URI uri = URI.create(base);
		Socket socket = new Socket();
		try {
			if (receiveBuffer > 0) {
				socket.setReceiveBufferSize(receiveBuffer);
			}
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
			socket.setSoTimeout(20_000);
			StringBuilder request = new StringBuilder("GET /messages/events/ HTTP/1.1\r\n").append("Host: ")
				.append(uri.getHost())
				.append(':')
				.append(uri.getPort())
				.append("\r\nAccept: text/event-stream\r\n");
			if (session != null) {
				request.append("Cookie: SESSION=").append(session).append("\r\n");
			}
			for (String header : extraHeaders) {
				request.append(header).append("\r\n");
			}
			socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			String head = readHead(in);
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
				}
			}
			return new RawStream(socket, status, headers, in);
		}
		catch (IOException ex) {
			try {
				socket.close();
			}
			catch (IOException closing) {
				ex.addSuppressed(closing);
			}
			throw new UncheckedIOException("Could not open the event stream of " + base, ex);
		}
	}

	int status() {
		return this.status;
	}

	/** A response header by its name in any case, or {@code null}. */
	String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * Reads what the server sends until it ends the stream (or {@code within} passes:
	 * then a {@link java.net.SocketTimeoutException}).
	 * @param withinMillis how long to wait for each read
	 * @return everything after the head
	 * @throws IOException if the read fails or takes too long
	 */
	String readToEnd(int withinMillis) throws IOException {
		this.socket.setSoTimeout(withinMillis);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		for (int n = this.in.read(buffer); n >= 0; n = this.in.read(buffer)) {
			body.write(buffer, 0, n);
		}
		return body.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Reads what has arrived until {@code text} is among it.
	 * @param text what to wait for
	 * @param withinMillis how long to wait for each read
	 * @return everything read, or {@code null} if the stream ended first
	 * @throws IOException if the read fails or takes too long
	 */
	String readUntil(String text, int withinMillis) throws IOException {
		this.socket.setSoTimeout(withinMillis);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[4096];
		for (int n = this.in.read(buffer); n >= 0; n = this.in.read(buffer)) {
			body.write(buffer, 0, n);
			if (body.toString(StandardCharsets.UTF_8).contains(text)) {
				return body.toString(StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	/**
	 * What the reader sends on the stream's connection (an event stream's reader sends
	 * nothing once its request is out; a misbehaving one might).
	 * @return the connection's output
	 * @throws IOException if the connection is closed
	 */
	OutputStream output() throws IOException {
		return this.socket.getOutputStream();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing a test's socket
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int last4 = 0;
		for (int b = in.read(); b >= 0; b = in.read()) {
			head.write(b);
			last4 = (last4 << 8) | b;
			if (last4 == 0x0D0A0D0A) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
		throw new IOException("The server closed the connection before its response head: " + head);
	}

}
