package id.otos.messaging.web;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import id.otos.messaging.MessagingApplication;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DjangoFixture;
import id.otos.messaging.support.DjangoSigning;
import id.otos.messaging.support.TestDatabases;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One site: nginx (Debian's package) in front of the application and of a stand-in for
 * Django, with the configuration the README shows
 * ({@code docs/nginx/otos-beside-django.conf}, its ports replaced), the application on
 * PostgreSQL with Django's {@code django_session} table and the fixture's users. Through
 * nginx, {@code /messages/} and {@code /api/messages/} are this application, logged in
 * with Django's {@code sessionid} cookie; everything else is Django; without a session
 * the browser goes to Django's log-in page and back; the event stream is passed on as it
 * comes; log-out ends the Django session. Where nginx is not installed the test is
 * skipped with a hint, except in CI ({@code CI=true}), where that fails it.
 */
class OneSiteBehindNginxPostgresTests {

	static final String NGINX = System.getProperty("otos.nginx", "/usr/sbin/nginx");

	static final String CONFIGURATION = "docs/nginx/otos-beside-django.conf";

	static DjangoFixture fixture;

	static ConfigurableApplicationContext app;

	static HttpServer django;

	static final List<String> djangoSaw = new CopyOnWriteArrayList<>();

	static Process nginx;

	static Path directory;

	static String site;

	static final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeAll
	static void start() throws Exception {
		fixture = DjangoFixture.load();
		if (!new File(NGINX).canExecute()) {
			String message = "nginx is not installed (" + NGINX + "): apt-get install -y nginx";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		directory = Files.createTempDirectory("otos-one-site-");
		String database = TestDatabases.newPostgresDatabase("one_site");
		app = new SpringApplicationBuilder(MessagingApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + TestDatabases.postgresUrl(database),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--otos.demo.enabled=false", "--otos.django.secret-key=" + fixture.secretKey(),
					"--server.forward-headers-strategy=native");
		fixture.reset(app.getBean(JdbcClient.class));
		django = standInForDjango();
		int appPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		int port = freePort();
		nginx = startNginx(port, appPort, django.getAddress().getPort());
		site = "http://127.0.0.1:" + port;
	}

	@AfterAll
	static void stop() throws Exception {
		if (nginx != null) {
			nginx.destroy();
			if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
				nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (django != null) {
			django.stop(0);
		}
		if (app != null) {
			app.close();
		}
		if (directory != null) {
			try (Stream<Path> paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	@Test
	void everythingElseIsDjangos() throws Exception {
		HttpResponse<String> other = send(get("/other/page"));

		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).isEqualTo("django: /other/page");
		assertThat(send(get("/")).body()).isEqualTo("django: /");
	}

	@Test
	void messagesAndTheirUnreadCountAreServedHereLoggedInWithDjangosSession() throws Exception {
		long student = studentWithAValidSession();
		String cookie = validSession(student);
		int before = unreadCount(cookie);
		replyFromAnOperatorTo(student);

		HttpResponse<String> inbox = send(get("/messages/").header("Cookie", cookie));
		assertThat(inbox.statusCode()).isEqualTo(200);
		assertThat(inbox.headers().firstValue("Content-Security-Policy")).as("answered by this application")
			.isPresent();
		assertThat(inbox.body()).contains("id=\"nav-unread\"").contains("/messages/assets/css/app.css");
		assertThat(unreadCount(cookie)).isEqualTo(before + 1);
		for (String asset : List.of("/messages/assets/css/app.css", "/messages/assets/js/live.js")) {
			HttpResponse<String> response = send(get(asset));
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.body()).as(asset).doesNotStartWith("django");
		}
		assertThat(djangoSaw).noneMatch((path) -> path.startsWith("/messages/") || path.startsWith("/api/messages/"));
	}

	@Test
	void withoutASessionTheBrowserGoesToDjangosLogInPageAndBack() throws Exception {
		String expired = fixture.verdicts()
			.stream()
			.filter((verdict) -> !verdict.loggedIn())
			.findFirst()
			.orElseThrow()
			.sessionKey();
		for (HttpRequest.Builder request : List.of(get("/messages/"),
				get("/messages/").header("Cookie", "sessionid=" + expired))) {
			HttpResponse<String> response = send(request);
			assertThat(response.statusCode()).isEqualTo(302);
			String location = response.headers().firstValue("Location").orElseThrow();
			assertThat(URI.create(site).resolve(location).toString()).isEqualTo(site + "/login/?next=/messages/");

			HttpResponse<String> logIn = send(HttpRequest.newBuilder(URI.create(site).resolve(location)));
			assertThat(logIn.body()).isEqualTo("django log-in page, next=/messages/");
		}
		HttpResponse<String> count = send(get("/api/messages/unread-count/"));
		assertThat(count.statusCode()).isEqualTo(401);
		assertThat(count.body()).contains("\"error\":\"unauthenticated\"");
	}

	@Test
	void theEventStreamIsPassedOnAsItComes() throws Exception {
		long student = studentWithAValidSession();
		String cookie = validSession(student);
		HttpResponse<Stream<String>> response = http.send(get("/messages/events/").header("Cookie", cookie)
			.header("Accept", "text/event-stream")

			.build(), BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		BlockingQueue<String> events = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> response.body()
			.filter((line) -> line.startsWith("event:"))
			.forEach((line) -> events.add(line.substring("event:".length()).strip())), "test-nginx-events");
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(events.poll(10, TimeUnit.SECONDS)).as("the stream's first event, through nginx")
				.isEqualTo("hello");
			replyFromAnOperatorTo(student);
			assertThat(events.poll(10, TimeUnit.SECONDS)).as("a reply's signal, through nginx").isEqualTo("thread");
		}
		finally {
			response.body().close();
		}
	}

	@Test
	void logOutThroughTheProxyEndsTheDjangoSession() throws Exception {
		long student = studentWithAValidSession();
		String key = DjangoSigning.newSessionKey();
		DjangoFixture.insertSession(app.getBean(JdbcClient.class), key,
				DjangoSigning.logIn(student, fixture.user(student).password(), fixture.secretKey()),
				OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
		HttpResponse<String> page = send(get("/messages/").header("Cookie", "sessionid=" + key));
		String token = DemoLogIn.csrf(page.body());
		String session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

		HttpResponse<String> loggedOut = send(HttpRequest.newBuilder(URI.create(site + "/messages/logout/"))
			.header("Cookie", "sessionid=" + key + "; " + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)));

		assertThat(loggedOut.statusCode()).isEqualTo(302);
		assertThat(URI.create(site).resolve(loggedOut.headers().firstValue("Location").orElseThrow()))
			.isEqualTo(URI.create(site + "/login/"));
		assertThat(loggedOut.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("sessionid=;"));
		assertThat(app.getBean(JdbcClient.class)
			.sql("select count(*) from django_session where session_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isZero();
		assertThat(send(get("/messages/").header("Cookie", "sessionid=" + key)).statusCode()).isEqualTo(302);
	}

	private static long studentWithAValidSession() {
		return fixture.verdicts()
			.stream()
			.filter((verdict) -> verdict.loggedIn()
					&& "Student".equals(fixture.user(verdict.loggedInAs().get()).role()))
			.findFirst()
			.orElseThrow()
			.userId();
	}

	private static String validSession(long userId) {
		return "sessionid=" + fixture.verdicts()
			.stream()
			.filter((verdict) -> verdict.loggedIn() && verdict.userId() == userId)
			.findFirst()
			.orElseThrow()
			.sessionKey();
	}

	private static int unreadCount(String cookie) throws Exception {
		HttpResponse<String> response = send(get("/api/messages/unread-count/").header("Cookie", cookie));
		assertThat(response.statusCode()).isEqualTo(200);
		Matcher count = Pattern.compile("^\\{\"unread_count\":(\\d+)}$").matcher(response.body());
		assertThat(count.matches()).as(response.body()).isTrue();
		return Integer.parseInt(count.group(1));
	}

	/**
	 * A technical question of the student's, answered by the operator it was routed to.
	 */
	private static void replyFromAnOperatorTo(long student) {
		ThreadDesk desk = app.getBean(ThreadDesk.class);
		Viewers viewers = app.getBean(Viewers.class);
		long thread = desk.open(viewers.of(student, RoleName.STUDENT), new NewThread("Tidak bisa masuk tryout",
				ThreadType.TECHNICAL, null, null, Priority.NORMAL, "Halamannya kosong.", UUID.randomUUID().toString()),
				null);
		long operator = fixture.users()
			.stream()
			.filter((user) -> "Operator".equals(user.role()))
			.findFirst()
			.orElseThrow()
			.id();
		desk.reply(viewers.of(operator, RoleName.OPERATOR), thread, "Coba muat ulang halamannya.",
				UUID.randomUUID().toString(), null);
	}

	private static HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(site + path)).timeout(Duration.ofSeconds(20));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), BodyHandlers.ofString());
	}

	/**
	 * Answers every page with its path, and its log-in page with the page to go back to.
	 */
	private static HttpServer standInForDjango() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			URI uri = exchange.getRequestURI();
			djangoSaw.add(uri.getPath());
			String body = uri.getPath().equals("/login/") ? "django log-in page, " + String.valueOf(uri.getQuery())
					: "django: " + uri.getPath();
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
		return server;
	}

	/**
	 * nginx in the foreground with the README's server block, its ports replaced, and
	 * everything it writes in the test's directory.
	 */
	private static Process startNginx(int port, int appPort, int djangoPort) throws Exception {
		String server = Files.readString(projectFile(CONFIGURATION))
			.replace("listen 80;", "listen 127.0.0.1:" + port + ";")
			.replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + appPort + ";")
			.replace("server 127.0.0.1:8000;", "server 127.0.0.1:" + djangoPort + ";");
		assertThat(server).contains(":" + port + ";", ":" + appPort + ";", ":" + djangoPort + ";");
		Files.writeString(directory.resolve("site.conf"), server);
		String temp = directory.resolve("temp").toString();
		Files.createDirectories(directory.resolve("temp"));
		boolean root = "root".equals(System.getProperty("user.name"));
		Files.writeString(directory.resolve("nginx.conf"), String.join("\n", root ? "user root;" : "", "daemon off;",
				"worker_processes 1;", "pid " + directory.resolve("nginx.pid") + ";",
				"error_log " + directory.resolve("error.log") + " warn;", "events { worker_connections 256; }",
				"http {", "  access_log " + directory.resolve("access.log") + ";",
				"  client_body_temp_path " + temp + "/body;", "  proxy_temp_path " + temp + "/proxy;",
				"  fastcgi_temp_path " + temp + "/fastcgi;", "  uwsgi_temp_path " + temp + "/uwsgi;",
				"  scgi_temp_path " + temp + "/scgi;", "  include " + directory.resolve("site.conf") + ";", "}", ""));
		Process process = new ProcessBuilder(NGINX, "-p", directory.toString(), "-c",
				directory.resolve("nginx.conf").toString(), "-e", directory.resolve("error.log").toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("nginx.out").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("nginx stopped: " + Files.readString(directory.resolve("nginx.out"))
						+ Files.readString(directory.resolve("error.log")));
			}
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return process;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("nginx did not listen on " + port + " within 15 s");
	}

	private static Path projectFile(String name) {
		for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
			if (Files.isRegularFile(at.resolve(name))) {
				return at.resolve(name);
			}
		}
		throw new IllegalStateException(name + " is not in the project");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
