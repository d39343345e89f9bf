package id.otos.messaging.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.otos.messaging.support.DemoLogIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What MockMvc cannot send, over a real socket to the real server (Tomcat): invalid
 * percent-encodings and UTF-8, NUL and control bytes in the URL, encoded slashes and dot
 * segments, a header of a megabyte, a body longer or shorter than it says, a forged CSRF
 * token on a real session, and an upload over the server's limit. Every answer is under
 * 500 and, where it has a page, the page says what happened in the user's language, with
 * no stack trace and no server name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class MalformedHttpTests {

	private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

	@Value("${local.server.port}")
	int port;

	@Test
	void malformedUrlsAreRefusedWithAPageInTheUsersLanguage() throws Exception {
		List<String> targets = List.of("/messages/%00/", "/messages/?search=%ff%fe%fd", "/messages/?search=%ED%A0%80",
				"/messages/?search=%C0%AF", "/messages/?search=%", "/messages/?search=%zz", "/messages/thread/%ff/",
				"/messages/thread/1%00/", "/messages/thread/..%2f..%2fadmin/", "/messages/%2e%2e/%2e%2e/etc/passwd",
				"/messages/thread/1;jsessionid=x/", "/messages/thread/%5c..%5c/", "/admin/users/%25/edit",
				"/messages/thread/99999999999999999999/", "/api/messages/unread-count/?x=%ff", "/login?locked=%00",
				"/login?lang=%ff", "/" + "a".repeat(20_000));
		List<String> problems = new ArrayList<>();
		for (String target : targets) {
			for (String language : List.of("id", "en")) {
				// a request line over the server's limit is refused before any header is
				// read
				String expected = (target.length() > 8 * 1024) ? "id" : language;
				Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
						+ "Accept-Language: " + language + "\r\nConnection: close\r\n\r\n");
				String problem = answer.problem(expected);
				if (problem != null) {
					problems.add("GET " + Call.abbreviate(target) + " [" + language + "] -> " + answer.status + ": "
							+ problem);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void malformedRequestLinesAndHeadersAreRefusedWithoutAServerError() throws Exception {
		List<String> requests = List.of(
				"GET /messages/\u0000/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"GET /messages/\u0001\u007f HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"GET /messages/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(1_000_000)
						+ "\r\nConnection: close\r\n\r\n",
				"GET /messages/ HTTP/1.1\r\nHost: localhost\r\nAccept-Language: \u00ff\u00fe;q=abc\r\nConnection: close\r\n\r\n",
				"POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
						+ "Content-Length: 5\r\nConnection: close\r\n\r\nusername=a%ff%zz&password=b",
				"POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
						+ "Content-Length: 11\r\nConnection: close\r\n\r\n--x\r\nbroken",
				"GET /messages/ HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n",
				"BREW /messages/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		List<String> problems = new ArrayList<>();
		for (String request : requests) {
			Answer answer = send(request);
			// 505 is HTTP's own answer to a version the server does not speak
			boolean serverError = answer.status >= 500 && !(answer.status == 505 && request.contains("HTTP/9.9"));
			if (answer.status < 0 || serverError || answer.leaks()) {
				problems.add(Call.abbreviate(request) + " -> " + answer.status + " " + answer.body);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void aForgedOrAnotherSessionsCsrfTokenOnARealSessionIsRefusedInTheUsersLanguage() throws Exception {
		String session = logIn("siswa1@otos.test");
		String other = logIn("siswa2@otos.test");
		String othersToken = csrf(send(get("/profile", other, "id")).body);
		for (String token : List.of("forged", othersToken, "")) {
			for (String language : List.of("id", "en")) {
				String body = "firstName=Nakal&lastName=&phoneNumber=&_csrf=" + token;
				Answer answer = send("POST /profile/details HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION=" + session
						+ "\r\nAccept-Language: " + language
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
						+ "\r\nConnection: close\r\n\r\n" + body);
				assertThat(answer.status).isEqualTo(403);
				assertThat(answer.problem(language)).isNull();
			}
		}
	}

	@Test
	void aMethodOrFormatNoPageServesIsRefusedInTheUsersLanguage() throws Exception {
		String session = logIn("siswa1@otos.test");
		String token = csrf(send(get("/profile", session, "id")).body);
		for (String language : List.of("id", "en")) {
			Answer put = send("PUT /profile HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION=" + session
					+ "\r\nX-CSRF-TOKEN: " + token + "\r\nAccept: text/html\r\nAccept-Language: " + language
					+ "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
			assertThat(put.status).isEqualTo(405);
			assertThat(put.problem(language)).isNull();
			Answer xml = send("GET /api/me/ HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION=" + session
					+ "\r\nAccept: application/xml\r\nAccept-Language: " + language + "\r\nConnection: close\r\n\r\n");
			assertThat(xml.status).isEqualTo(406);
			assertThat(xml.head).contains("application/json");
			Matcher message = Pattern.compile("\"message\":\"([^\"]+)\"").matcher(xml.body);
			assertThat(message.find()).as(xml.body).isTrue();
			assertThat(
					("en".equals(language) ? UserLanguage.ENGLISH : UserLanguage.INDONESIAN).speaks(message.group(1)))
				.as(message.group(1))
				.isTrue();
		}
	}

	@Test
	void anUploadOverTheServersLimitIsRefusedWithoutAServerError() throws Exception {
		String session = logIn("siswa1@otos.test");
		String token = csrf(send(get("/messages/create/", session, "id")).body);
		int size = 52 * 1024 * 1024;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String head = "--x\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"big.png\"\r\n"
					+ "Content-Type: image/png\r\n\r\n";
			String tail = "\r\n--x--\r\n";
			out.write(("POST /messages/create/ HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION=" + session
					+ "\r\nX-CSRF-TOKEN: " + token + "\r\nAccept: text/html\r\n"
					+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: "
					+ (head.length() + size + tail.length()) + "\r\nConnection: close\r\n\r\n" + head)
				.getBytes(StandardCharsets.ISO_8859_1));
			byte[] chunk = new byte[1024 * 1024];
			try {
				for (int i = 0; i < 52; i++) {
					out.write(chunk);
				}
				out.write(tail.getBytes(StandardCharsets.ISO_8859_1));
			}
			catch (IOException ex) {
				// the server may stop reading once it has refused
			}
			Answer answer = Answer.read(socket.getInputStream());
			assertThat(answer.status).as(answer.head).isBetween(400, 499);
			assertThat(answer.problem("id")).as(answer.head + "\n\n" + answer.body).isNull();
		}
	}

	@Test
	void everyMultipartOddityIsA4xxPageInTheUsersLanguageLoggedAsOneWarning(CapturedOutput output) throws Exception {
		String session = logIn("siswa1@otos.test");
		String token = csrf(send(get("/messages/create/", session, "id")).body);
		String fields = field("_csrf", token) + field("title", "Soal") + field("thread_type", "general")
				+ field("priority", "normal") + field("content", "Isi");
		Map<String, String> oddities = new LinkedHashMap<>();
		oddities.put("a NUL in a file name", fields + file("a\u0000b.png", "halo") + "--x--\r\n");
		oddities.put("control characters in a file name", fields + file("a\u0001\u001bb.txt", "halo") + "--x--\r\n");
		oddities.put("a DEL in a file name", fields + file("a\u007fb.txt", "halo") + "--x--\r\n");
		oddities.put("an overlong part header", fields + file("a".repeat(20_000) + ".txt", "halo") + "--x--\r\n");
		oddities.put("too many parts", fields + field("x", "y").repeat(2000) + "--x--\r\n");
		oddities.put("a body cut off", fields + "--x\r\nContent-Disposition: form-data; name=\"attachment\"; "
				+ "filename=\"a.txt\"\r\n\r\nhalo");
		oddities.put("no closing boundary", fields + file("a.txt", "halo"));
		oddities.put("a part without headers", fields + "--x\r\n\r\nhalo\r\n--x--\r\n");
		int logged = output.getAll().length();
		List<String> problems = new ArrayList<>();
		int sent = 0;
		for (Map.Entry<String, String> oddity : oddities.entrySet()) {
			for (String language : List.of("id", "en")) {
				byte[] body = oddity.getValue().getBytes(StandardCharsets.UTF_8);
				Answer answer = send("POST /messages/create/ HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION=" + session
						+ "\r\nAccept: text/html\r\nAccept-Language: " + language
						+ "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + body.length
						+ "\r\nConnection: close\r\n\r\n" + oddity.getValue());
				sent++;
				String problem = (answer.status == 400) ? answer.problem(language)
						: "answered " + answer.status + " instead of 400";
				if (problem == null && !answer.body.contains(
						("en".equals(language)) ? "could not be read as a form" : "tidak dapat dibaca (nama berkas")) {
					problem = "not the page of an unreadable form: " + Call.abbreviate(answer.body);
				}
				if (problem != null) {
					problems.add(oddity.getKey() + " [" + language + "] -> " + problem);
				}
			}
		}
		Answer api = send("POST /api/messages/unread-count/ HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION=" + session
				+ "\r\nAccept-Language: en\r\nContent-Type: multipart/form-data; boundary=x\r\n"
				+ "Content-Length: 11\r\nConnection: close\r\n\r\n--x\r\nbroken");
		sent++;
		assertThat(problems).isEmpty();
		assertThat(api.status).isEqualTo(400);
		assertThat(api.head).contains("application/json");
		assertThat(api.body).contains("could not be read as a form");
		String log = output.getAll().substring(logged);
		assertThat(log.lines().filter((line) -> line.contains("WARN") && line.contains("UnreadableForms"))).as(log)
			.hasSize(sent);
		assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR ");
	}

	private static String field(String name, String value) {
		return "--x\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	private static String file(String name, String content) {
		return "--x\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n";
	}

	/** Logs in over HTTP as a browser would; the session cookie's value. */
	private String logIn(String email) throws IOException {
		Answer page = send(get("/login", null, "id"));
		String token = cookie(page, "otos_csrf");
		String body = "username=" + email + "&password=" + Fixtures.PASSWORD + "&_csrf=" + csrf(page.body);
		Answer loggedIn = send("POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: otos_csrf=" + token
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
				+ "\r\nConnection: close\r\n\r\n" + body);
		assertThat(loggedIn.head).contains("Location: ").doesNotContain("error");
		return cookie(loggedIn, "SESSION");
	}

	private static String get(String target, String session, String language) {
		return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
				+ ((session != null) ? "Cookie: SESSION=" + session + "\r\n" : "") + "Accept-Language: " + language
				+ "\r\nConnection: close\r\n\r\n";
	}

	private static String cookie(Answer answer, String name) {
		Matcher cookie = Pattern.compile("Set-Cookie: " + name + "=([^;]+)").matcher(answer.head);
		assertThat(cookie.find()).as(answer.head).isTrue();
		return cookie.group(1);
	}

	private static String csrf(String html) {
		return DemoLogIn.csrf(html);
	}

	private Answer send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream().flush();
			return Answer.read(socket.getInputStream());
		}
	}

	/** A response as it came off the socket. */
	record Answer(int status, String head, String body) {

		static Answer read(InputStream in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n; (n = in.read(buffer)) != -1;) {
					bytes.write(buffer, 0, n);
				}
			}
			catch (SocketTimeoutException | java.net.SocketException ex) {
				// what arrived is the answer
			}
			String text = bytes.toString(StandardCharsets.UTF_8);
			Matcher status = STATUS.matcher(text);
			int split = text.indexOf("\r\n\r\n");
			return new Answer(status.find() ? Integer.parseInt(status.group(1)) : -1,
					(split < 0) ? text : text.substring(0, split), (split < 0) ? "" : text.substring(split + 4));
		}

		boolean leaks() {
			return this.body.contains("Exception") || this.body.contains("\tat ") || this.body.contains("Tomcat")
					|| this.body.contains("org.springframework");
		}

		String problem(String language) {
			if (this.status < 0) {
				return "no HTTP answer";
			}
			if (this.status >= 500) {
				return "server error";
			}
			if (leaks()) {
				return "shows exception text or the server's name: " + Call.abbreviate(this.body);
			}
			if (this.status >= 300 && this.status < 400) {
				return null;
			}
			Matcher heading = Pattern.compile("<h1\\b[^>]*>(.*?)</h1>", Pattern.DOTALL).matcher(this.body);
			if (this.status >= 400 && !heading.find()) {
				return "a page without a heading: " + Call.abbreviate(this.head + " | " + this.body);
			}
			if (this.status >= 400) {
				UserLanguage expected = "en".equals(language) ? UserLanguage.ENGLISH : UserLanguage.INDONESIAN;
				String text = heading.group(1).strip();
				if (!expected.speaks(text)) {
					return "\"" + text + "\" is not a message in " + language.toLowerCase(Locale.ROOT);
				}
			}
			return null;
		}

	}

}
