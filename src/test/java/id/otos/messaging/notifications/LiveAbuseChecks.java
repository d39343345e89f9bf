package id.otos.messaging.notifications;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.notifications.EventStream.Event;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.core.StandardContext;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one student account could do to the live updates of everybody (issue 11): open
 * thousands of streams, or open streams and never read them. The node keeps serving
 * everyone else: its connections stay free for the log-in page and the probes, and a
 * normal student still gets a reply's signal within a second. The node's stream cap is
 * {@value #NODE_CAP} here so that it can be reached by a test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "otos.live.max-streams=" + LiveAbuseChecks.NODE_CAP, "otos.live.outbox=1KB" })
@ActiveProfiles("test")
@Import(SmallSocketBuffers.class)
abstract class LiveAbuseChecks {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	static final int NODE_CAP = 20;

	/** The defaults of {@code otos.live.streams-per-session} and {@code -per-person}. */
	static final int PER_SESSION = 3;

	static final int PER_PERSON = 8;

	/** A live signal's usual bound (the words: "a reply live within 1 s"). */
	static final Duration LIVE = Duration.ofSeconds(1);

	/** Flood signals sent between two signals to the normal student. */
	static final int FLOOD_ROUND = 10;

	/** Generous: a page or probe that waits this long has been starved. */
	static final Duration QUICK = Duration.ofSeconds(5);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	LiveClients clients;

	@Autowired
	EventBus bus;

	@Autowired
	ThreadDesk desk;

	@Autowired
	Viewers viewers;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	private final List<AutoCloseable> opened = new ArrayList<>();

	/** How many streams the flood opens, one after the other, from one session. */
	abstract int floodSize();

	@AfterEach
	void closeEverything() throws Exception {
		for (AutoCloseable stream : this.opened) {
			stream.close();
		}
		this.clients.connectedPeople().forEach(this.clients::disconnect);
		DemoSchool.reset(this.jdbc);
	}

	/**
	 * Decision 21: once its headers are out, a stream's connection is handed over and the
	 * web server keeps no request for it (the request, the response and their buffers go
	 * back to Tomcat); the reader still sees a plain {@code 200} event stream, gets its
	 * signals, and its going away is noticed at once, not at the next heartbeat.
	 */
	@Test
	void aStreamHoldsOnlyItsConnectionOnceItsHeadersAreOut() throws Exception {
		long thread = openQuestion("siswa1@otos.test", "Hanya soketnya");
		HttpVisitor student = new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD);
		int held = settledConnectionsTheServerHolds();
		RawStream stream = RawStream.open(base(), student.session(), 0);
		this.opened.add(stream);

		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
		assertThat(stream.header("Connection")).isEqualToIgnoringCase("close");
		assertThat(stream.header("Transfer-Encoding")).as("a body that ends with the connection").isNull();
		assertThat(stream.header("Upgrade")).isNull();
		assertThat(stream.header("Content-Security-Policy")).as("the filters' headers").isNotNull();
		assertThat(stream.readUntil("event: hello", (int) QUICK.toMillis())).isNotNull();
		assertThat(this.clients.openConnections()).isOne();
		assertThat(asynchronousRequests()).as("requests the web server keeps for the open stream").isZero();
		// Tomcat counts the handed-over connection once its handler's start returned,
		// which
		// may be just after the reader got the first event.
		long handedOver = System.nanoTime() + QUICK.toNanos();
		while (connectionsTheServerHolds() < held + 1 && System.nanoTime() < handedOver) {
			Thread.sleep(20);
		}
		assertThat(connectionsTheServerHolds()).as("connections handed over").isEqualTo(held + 1);

		this.bus.publish(ThreadSignal.threadChanged(thread, userId("siswa1@otos.test")));
		assertThat(stream.readUntil("event: thread", (int) QUICK.toMillis())).isNotNull();

		stream.close();
		long deadline = System.nanoTime() + QUICK.toNanos();
		while ((this.clients.openConnections() > 0 || connectionsTheServerHolds() > held)
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.clients.openConnections()).as("streams once the reader went away (heartbeat every 20 s)")
			.isZero();
		assertThat(connectionsTheServerHolds()).isEqualTo(held);
	}

	/**
	 * A stream the node ends (its person logged out, its reader stalled, the node's cap)
	 * is ended from the node's own threads, possibly while one of Tomcat's threads is
	 * serving its connection (here: reading what a misbehaving reader keeps sending). The
	 * connection must still be given back to Tomcat whole: before, Tomcat kept such a
	 * connection's handler (and through it the stream) for good.
	 */
	@Test
	void aStreamEndedWhileTomcatServesItsConnectionLeavesNothingBehind() throws Exception {
		HttpVisitor student = new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD);
		long studentId = userId("siswa1@otos.test");
		int held = settledConnectionsTheServerHolds();
		byte[] noise = new byte[64 * 1024];
		for (int i = 0; i < 20; i++) {
			RawStream stream = RawStream.open(base(), student.session(), 0);
			this.opened.add(stream);
			assertThat(stream.readUntil("event: hello", (int) QUICK.toMillis())).isNotNull();
			OutputStream output = stream.output();
			Thread sender = new Thread(() -> {
				try {
					while (true) {
						output.write(noise);
					}
				}
				catch (IOException ex) {
					// the node closed the connection
				}
			});
			sender.start();
			Thread.sleep(20);
			this.clients.disconnect(studentId);
			stream.close();
			sender.join(QUICK.toMillis());
		}
		assertThat(this.clients.openConnections()).isZero();
		assertThat(settledConnectionsTheServerHolds()).as("connections Tomcat still holds for ended streams")
			.isEqualTo(held);
	}

	/**
	 * A stream's reader sends nothing once its request is out; one that keeps sending
	 * would keep one of Tomcat's threads reading and dropping for it. The node closes it.
	 */
	@Test
	void aReaderThatSendsInsteadOfReadingIsDropped() throws Exception {
		HttpVisitor student = new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD);
		RawStream stream = RawStream.open(base(), student.session(), 0);
		this.opened.add(stream);
		assertThat(stream.readUntil("event: hello", (int) QUICK.toMillis())).isNotNull();
		assertThat(this.clients.openConnections()).isOne();

		stream.output().write(new byte[16 * 1024]);
		stream.output().flush();

		assertThat(stream.readToEnd((int) QUICK.toMillis())).as("what the node sent before it closed the stream")
			.isNotNull();
		long deadline = System.nanoTime() + QUICK.toNanos();
		while (this.clients.openConnections() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.clients.openConnections()).isZero();
	}

	@Test
	void thousandsOfStreamsFromOneSessionHoldOnlyThatSessionsShareOfTheNode() throws Exception {
		HttpVisitor attacker = new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD);
		HttpClient bystander = HttpClient.newBuilder().connectTimeout(QUICK).build();
		int connectionsBefore = connections();
		long slowest = 0;
		for (int i = 1; i <= floodSize(); i++) {
			RawStream stream = RawStream.open(base(), attacker.session(), 0);
			this.opened.add(stream);
			assertThat(stream.status()).as("stream %d answered", i).isEqualTo(200);
			assertThat(this.clients.openConnections()).as("streams open on the node after the %d. one", i)
				.isLessThanOrEqualTo(PER_SESSION);
			if (i % 250 == 0) {
				slowest = Math.max(slowest, timeOf(bystander, "/login"));
				slowest = Math.max(slowest, timeOf(bystander, "/actuator/health/liveness"));
			}
		}
		assertThat(Duration.ofNanos(slowest)).as("the slowest log-in page or liveness probe meanwhile")
			.isLessThan(QUICK);
		long deadline = System.nanoTime() + QUICK.toNanos();
		while (connections() > connectionsBefore + PER_SESSION + 2 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(connections()).as("connections the node holds after %d streams were opened", floodSize())
			.isLessThanOrEqualTo(connectionsBefore + PER_SESSION + 2);
		System.out.printf("flood: %d streams from one session, slowest /login or liveness meanwhile %d ms%n",
				floodSize(), TimeUnit.NANOSECONDS.toMillis(slowest));
	}

	@Test
	void streamsThatAreNeverReadDelayNobodyAndAreDropped() throws Exception {
		long attackersThread = openQuestion("siswa1@otos.test", "Banjir satu");
		long accomplicesThread = openQuestion("siswa2@otos.test", "Banjir dua");
		long normalThread = openQuestion("siswa3@otos.test", "Pertanyaan biasa");
		long attacker = userId("siswa1@otos.test");
		long accomplice = userId("siswa2@otos.test");
		for (HttpVisitor session : List.of(new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD),
				new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD))) {
			for (int i = 0; i < PER_SESSION; i++) {
				this.opened.add(RawStream.open(base(), session.session(), 1024));
			}
		}
		HttpVisitor accomplicesSession = new HttpVisitor().logIn(base(), "siswa2@otos.test", PASSWORD);
		for (int i = 0; i < 2; i++) {
			this.opened.add(RawStream.open(base(), accomplicesSession.session(), 1024));
		}
		HttpVisitor normal = new HttpVisitor().logIn(base(), "siswa3@otos.test", PASSWORD);
		EventStream events = normal.events(base());
		this.opened.add(events);
		assertThat(events.next("hello", QUICK)).isNotNull();
		assertThat(this.clients.openConnections()).isEqualTo(2 * PER_SESSION + 2 + 1);

		long normalStudent = userId("siswa3@otos.test");
		long start = System.nanoTime();
		long floodEnds = start + Duration.ofSeconds(30).toNanos();
		List<Long> delays = new ArrayList<>();
		int whileStalled = 0;
		int signals = 0;
		long nextReply = start;
		while (System.nanoTime() < floodEnds && (this.clients.connectedPeople().contains(attacker)
				|| this.clients.connectedPeople().contains(accomplice))) {
			for (int i = 0; i < FLOOD_ROUND; i++, signals++) {
				this.bus.publish(ThreadSignal.messagePosted((signals % 2 == 0) ? attackersThread : accomplicesThread,
						signals, (signals % 2 == 0) ? attacker : accomplice));
			}
			this.bus.publish(ThreadSignal.threadChanged(normalThread, normalStudent));
			Event paced = events.next("thread", QUICK);
			assertThat(paced).as("the normal student's signal after %d flood signals", signals).isNotNull();
			assertThat(paced.data()).contains("\"kind\":\"changed\"");
			if (System.nanoTime() >= nextReply) {
				boolean stalledOpen = this.clients.connectedPeople().contains(attacker);
				long sent = System.nanoTime();
				this.desk.reply(viewer("guru1@otos.test"), normalThread, "Jawaban " + delays.size(), null, null);
				Event event = events.next("thread", QUICK);
				long delay = System.nanoTime() - sent;
				assertThat(event).as("the reply's signal to the normal student, %d flood signals sent", signals)
					.isNotNull();
				assertThat(event.data()).contains("\"kind\":\"message\"");
				delays.add(TimeUnit.NANOSECONDS.toMillis(delay));
				whileStalled += stalledOpen ? 1 : 0;
				assertThat(Duration.ofNanos(delay))
					.as("the reply's signal to the normal student; delays so far %s ms", delays)
					.isLessThanOrEqualTo(LIVE);
				nextReply = System.nanoTime() + Duration.ofMillis(300).toNanos();
			}
		}
		long dropped = System.nanoTime() - start;
		System.out.printf(
				"stalled readers: %d flood signals, dropped after %d ms, delays to the normal student %s ms%n", signals,
				TimeUnit.NANOSECONDS.toMillis(dropped), delays);
		assertThat(this.clients.connectedPeople()).as("the people whose streams were never read")
			.doesNotContain(attacker, accomplice);
		assertThat(whileStalled).as("replies measured while the stalled streams were still open").isPositive();
		assertThat(this.clients.connectedPeople()).as("the normal student").contains(normalStudent);
		for (AutoCloseable stream : this.opened) {
			if (stream instanceof RawStream) {
				stream.close();
			}
		}
		long deadline = System.nanoTime() + QUICK.toNanos();
		while (connectionsTheServerHolds() > this.clients.openConnections() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(connectionsTheServerHolds())
			.as("connections the web server still holds once the stalled readers went away")
			.isEqualTo(this.clients.openConnections());
		this.desk.reply(viewer("guru1@otos.test"), normalThread, "Sesudahnya", null, null);
		assertThat(events.next("thread", LIVE)).as("after the stalled streams were dropped").isNotNull();
	}

	@Test
	void theNodeRefusesAStreamOverItsCapAtOnceAndServesTheRest() throws Exception {
		List<String> everyone = List.of("admin@otos.test", "operator@otos.test", "guru1@otos.test", "guru2@otos.test",
				"siswa1@otos.test", "siswa2@otos.test");
		for (String email : everyone) {
			HttpVisitor person = new HttpVisitor().logIn(base(), email, PASSWORD);
			for (int i = 0; i < PER_SESSION; i++) {
				this.opened.add(RawStream.open(base(), person.session(), 0));
			}
		}
		HttpVisitor last = new HttpVisitor().logIn(base(), "siswa3@otos.test", PASSWORD);
		RawStream first = RawStream.open(base(), last.session(), 0);
		RawStream second = RawStream.open(base(), last.session(), 0);
		this.opened.add(first);
		this.opened.add(second);
		assertThat(this.clients.openConnections()).isEqualTo(NODE_CAP);

		RawStream refused = RawStream.open(base(), last.session(), 0);
		this.opened.add(refused);
		RawStream refusedInEnglish = RawStream.open(base(), last.session(), 0, "Accept-Language: en-US,en;q=0.9");
		this.opened.add(refusedInEnglish);

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(refused.readToEnd(5000)).contains("Terlalu banyak");
		assertThat(refusedInEnglish.status()).isEqualTo(503);
		assertThat(refusedInEnglish.readToEnd(5000)).contains("Too many");
		assertThat(this.clients.openConnections()).as("nobody's stream was closed for it").isEqualTo(NODE_CAP);
		assertThat(first.readUntil("hello", 5000)).as("the person's first stream").isNotNull();
		HttpClient bystander = HttpClient.newBuilder().connectTimeout(QUICK).build();
		assertThat(Duration.ofNanos(timeOf(bystander, "/login"))).isLessThan(QUICK);

		this.clients.disconnect(userId("admin@otos.test"));
		RawStream now = RawStream.open(base(), last.session(), 0);
		this.opened.add(now);
		assertThat(now.status()).as("once streams have ended there is room again").isEqualTo(200);
		assertThat(this.clients.openConnections()).isEqualTo(NODE_CAP - PER_SESSION + 1);
	}

	@Test
	void theStreamCarriesTheSecurityHeadersAndFreesItsConnectionWhenItEnds() throws Exception {
		HttpVisitor student = new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD);
		RawStream stream = RawStream.open(base(), student.session(), 0);
		this.opened.add(stream);

		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
		assertThat(stream.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(stream.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(stream.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(stream.header("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(stream.header("Cache-Control")).contains("no-store");
		assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
		assertThat(stream.header("Connection")).isEqualToIgnoringCase("close");
		assertThat(stream.readUntil("event: hello", 5000)).isNotNull();

		this.clients.disconnect(userId("siswa1@otos.test"));

		assertThat(stream.readToEnd(5000)).as("the server closed the connection").isNotNull();
	}

	@Test
	void aHeadRequestGetsTheHeadersAndHoldsNoStream() throws Exception {
		HttpVisitor student = new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD);

		HttpResponse<Void> head = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/messages/events/"))
				.header("Cookie", "SESSION=" + student.session())
				.header("Accept", "text/event-stream")
				.method("HEAD", HttpRequest.BodyPublishers.noBody())
				.timeout(QUICK)
				.build(), BodyHandlers.discarding());

		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
		assertThat(this.clients.openConnections()).as("streams held for a request nobody can read").isZero();
	}

	private long timeOf(HttpClient client, String path) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
				BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return System.nanoTime() - start;
	}

	/** The connections the node's web server holds open now. */
	private int connections() {
		return (int) ((AbstractProtocol<?>) tomcat().getConnector().getProtocolHandler()).getConnectionCount();
	}

	/**
	 * The asynchronous responses (streams) the web server counts as not yet complete; its
	 * graceful shutdown waits for them.
	 */
	private long asynchronousRequests() {
		return ((StandardContext) tomcat().getHost().findChildren()[0]).getInProgressAsyncCount();
	}

	/**
	 * The connections Tomcat holds for long-lived work: asynchronous requests in progress
	 * and upgraded connections (a stream's, once its headers are out).
	 */
	private int connectionsTheServerHolds() {
		return ((AbstractProtocol<?>) tomcat().getConnector().getProtocolHandler()).getWaitingProcessorCount();
	}

	/**
	 * The connections Tomcat holds once those of ended streams are given back (an earlier
	 * test's may still be closing).
	 */
	private int settledConnectionsTheServerHolds() throws InterruptedException {
		long deadline = System.nanoTime() + QUICK.toNanos();
		while (connectionsTheServerHolds() > this.clients.openConnections() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return connectionsTheServerHolds();
	}

	private Tomcat tomcat() {
		return ((TomcatWebServer) ((WebServerApplicationContext) this.application).getWebServer()).getTomcat();
	}

	private long openQuestion(String studentEmail, String title) {
		long category = this.jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
		return this.desk.open(viewer(studentEmail),
				new NewThread(title, ThreadType.ACADEMIC, category, null, Priority.NORMAL, "Tolong dijelaskan.", null),
				null);
	}

	private Viewer viewer(String email) {
		return this.viewers.of(this.accounts.currentUser(userId(email)).orElseThrow());
	}

	private long userId(String email) {
		return this.jdbc.sql("select id from otosapp_user where email = ?").param(email).query(Long.class).single();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
