package id.otos.messaging.notifications;

import id.otos.messaging.support.DemoLogIn;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person using the application over plain HTTP, as a browser would: it keeps the
 * session cookie it was given ({@code SESSION}) and sends it to whichever node it asks,
 * so the same log-in can be used on several app nodes.
 */
final class HttpVisitor {

	private static final Pattern SESSION_COOKIE = Pattern.compile("^SESSION=([^;]*)");

	/** The log-in form's CSRF token, kept in a cookie until there is a session. */
	private static final Pattern CSRF_COOKIE = Pattern.compile("^otos_csrf=([^;]*)");

	private static final Pattern FLASH_COOKIE = Pattern.compile("^FLASH=([^;]*)");

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private volatile String session;

	private volatile String csrfCookie;

	/**
	 * The redirect notice's cookie ({@code FLASH}), kept and sent back as a browser
	 * would, until the page that shows it clears it.
	 */
	private volatile String flashCookie;

	/** Logs in on the node at {@code base}; fails the test if the log-in is refused. */
	HttpVisitor logIn(String base, String email, String password) {
		String csrf = csrf(get(base + "/login").body());
		HttpResponse<String> response = post(base + "/login",
				Map.of("username", email, "password", password, "_csrf", csrf));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return this;
	}

	HttpResponse<String> get(String url) {
		return send(request(url).GET().build(), BodyHandlers.ofString());
	}

	HttpResponse<String> post(String url, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(url).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	/** Opens the live updates of the node at {@code base}. */
	EventStream events(String base) {
		return EventStream.open(this.client,
				request(base + "/messages/events/").header("Accept", "text/event-stream").GET().build());
	}

	String session() {
		return this.session;
	}

	/**
	 * Another visitor that sends this one's session cookie as it is now, and goes on
	 * sending it whatever this one does with its own (as a copied cookie would).
	 */
	HttpVisitor sameSession() {
		HttpVisitor copy = new HttpVisitor();
		copy.session = this.session;
		return copy;
	}

	static String csrf(String html) {
		return DemoLogIn.csrf(html);
	}

	static String field(Pattern pattern, String html, String what) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("the page has " + what).isTrue();
		return matcher.group(1);
	}

	private HttpRequest.Builder request(String url) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
		if (this.session != null) {
			builder.header("Cookie",
					"SESSION=" + this.session + ((this.flashCookie != null) ? "; FLASH=" + this.flashCookie : ""));
		}
		else if (this.csrfCookie != null) {
			builder.header("Cookie", "otos_csrf=" + this.csrfCookie);
		}
		return builder;
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			HttpResponse<T> response = this.client.send(request, body);
			keepSession(response);
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void keepSession(HttpResponse<?> response) {
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			Matcher matcher = SESSION_COOKIE.matcher(cookie);
			if (matcher.find()) {
				this.session = matcher.group(1).isEmpty() ? null : matcher.group(1);
			}
			Matcher csrf = CSRF_COOKIE.matcher(cookie);
			if (csrf.find()) {
				this.csrfCookie = csrf.group(1).isEmpty() ? null : csrf.group(1);
			}
			Matcher flash = FLASH_COOKIE.matcher(cookie);
			if (flash.find()) {
				this.flashCookie = (flash.group(1).isEmpty() || cookie.contains("Max-Age=0")) ? null : flash.group(1);
			}
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
