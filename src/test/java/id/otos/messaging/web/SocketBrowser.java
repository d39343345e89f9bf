package id.otos.messaging.web;

import id.otos.messaging.support.DemoLogIn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser over a plain socket to the real server: it keeps the cookies it is given (by
 * name, as a browser keeps them for one site) and sends them back, and it can send what a
 * browser would not, such as any {@code Host} header, forwarded headers or HTTP/1.0.
 */
final class SocketBrowser {

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final Map<String, String> headers = new LinkedHashMap<>();

	private String protocol = "HTTP/1.1";

	SocketBrowser(int port) {
		this.port = port;
	}

	/** Sends this header with every request, e.g. a made-up {@code Host}. */
	SocketBrowser header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	SocketBrowser cookie(String name, String value) {
		this.cookies.put(name, value);
		return this;
	}

	SocketBrowser protocol(String protocol) {
		this.protocol = protocol;
		return this;
	}

	String cookie(String name) {
		return this.cookies.get(name);
	}

	Answer get(String target) {
		return send("GET", target, null);
	}

	Answer post(String target, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send("POST", target, body);
	}

	/**
	 * Posts the form with the CSRF token of the page at {@code formPage}, as a browser
	 * would.
	 */
	Answer submit(String formPage, String target, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrf(get(formPage).body()));
		return post(target, fields);
	}

	Answer logIn(String email, String password) {
		return submit("/login", "/login", Map.of("username", email, "password", password));
	}

	Answer send(String method, String target, String body) {
		StringBuilder request = new StringBuilder(method + " " + target + " " + this.protocol + "\r\n");
		if (!this.headers.containsKey("Host")) {
			request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		}
		this.headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		if (!this.cookies.isEmpty()) {
			request.append("Cookie: ")
				.append(this.cookies.entrySet()
					.stream()
					.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
					.collect(Collectors.joining("; ")))
				.append("\r\n");
		}
		if (!this.headers.containsKey("Accept")) {
			request.append("Accept: text/html\r\n");
		}
		request.append("Connection: close\r\n");
		if (body != null) {
			request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
				.append(body.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n");
		}
		request.append("\r\n").append((body != null) ? body : "");
		Answer answer = exchange(request.toString());
		keepCookies(answer);
		return answer;
	}

	static String csrf(String html) {
		return DemoLogIn.csrf(html);
	}

	private Answer exchange(String request) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			return Answer.read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.lines().findFirst().orElse("") + " failed", ex);
		}
	}

	private void keepCookies(Answer answer) {
		for (String cookie : answer.headers("Set-Cookie")) {
			String pair = cookie.split(";", 2)[0];
			int equals = pair.indexOf('=');
			String name = pair.substring(0, equals).strip();
			String value = pair.substring(equals + 1).strip();
			boolean expired = cookie.toLowerCase(Locale.ROOT).contains("max-age=0") || value.isEmpty();
			if (expired) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A response as it came off the socket, its body de-chunked. */
	record Answer(int status, String head, String body) {

		private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

		static Answer read(InputStream in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n; (n = in.read(buffer)) != -1;) {
					bytes.write(buffer, 0, n);
				}
			}
			catch (SocketTimeoutException ex) {
				// what arrived is the answer
			}
			String text = bytes.toString(StandardCharsets.UTF_8);
			Matcher status = STATUS.matcher(text);
			int split = text.indexOf("\r\n\r\n");
			String head = (split < 0) ? text : text.substring(0, split);
			String body = (split < 0) ? "" : text.substring(split + 4);
			if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				body = dechunked(body);
			}
			return new Answer(status.find() ? Integer.parseInt(status.group(1)) : -1, head, body);
		}

		private static String dechunked(String chunked) {
			StringBuilder body = new StringBuilder();
			byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
			int at = 0;
			while (at < bytes.length) {
				int lineEnd = indexOf(bytes, at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).strip(), 16);
				if (size == 0) {
					break;
				}
				body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
				at = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

		private static int indexOf(byte[] bytes, int from) {
			for (int i = from; i + 1 < bytes.length; i++) {
				if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
					return i;
				}
			}
			return -1;
		}

		List<String> headers(String name) {
			List<String> values = new ArrayList<>();
			for (String line : this.head.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
					values.add(line.substring(colon + 1).strip());
				}
			}
			return values;
		}

		String location() {
			List<String> locations = headers("Location");
			return locations.isEmpty() ? null : locations.get(0);
		}

		@Override
		public String toString() {
			return this.head + "\r\n\r\n"
					+ ((this.body.length() > 300) ? this.body.substring(0, 300) + "…" : this.body);
		}

	}

}
