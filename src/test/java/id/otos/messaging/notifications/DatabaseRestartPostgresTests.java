package id.otos.messaging.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again while people use the application (README, "When
 * the database goes away"): one app node on a PostgreSQL server of this test's own, which
 * it stops and starts again on the same port and data directory, while students and a
 * teacher post replies and others read pages and the unread count, each on a thread of
 * their own, over real HTTP.
 * <ul>
 * <li>while the database is away every answer is a 503 (the try-again page in the
 * person's language, or 503 JSON from the API), never a 500, a stack trace or a wait
 * longer than {@link #LONGEST_ANSWER}; the one exception is an unread count the node can
 * answer wholly from what it keeps (a kept session, decision 22, and a kept count), which
 * is answered 200 for {@link #KEPT_FOR} after the database went away at most;</li>
 * <li>once it accepts connections again the application serves everything again by itself
 * within {@link #RECOVERY} (the time is printed), and the live updates' stream that
 * stayed open is told to fetch again and carries signals again;</li>
 * <li>every reply that was acknowledged (its redirect) is in the database once, and a
 * reply refused with 503 and sent again with the same submission key is there once.</li>
 * </ul>
 */
class DatabaseRestartPostgresTests {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	/** How long the database stays away. */
	static final Duration OUTAGE = Duration.ofSeconds(5);

	/**
	 * How long this test's node uses a session it read without reading it again
	 * ({@code otos.sessions.kept-for}); shorter than half the outage, so that every kept
	 * session has expired when the probe asks in the middle of it.
	 */
	static final Duration KEPT_FOR = Duration.ofSeconds(2);

	/** The bound: serving again within 10 s of the database's return. */
	static final Duration RECOVERY = Duration.ofSeconds(10);

	/**
	 * While the database is away no answer may take much longer than Hikari's connection
	 * timeout (3 s); generous, since the test machine may be busy.
	 */
	static final Duration LONGEST_ANSWER = Duration.ofSeconds(10);

	private static final Pattern SUBMISSION_KEY = Pattern.compile("name=\"submission_key\"\\s+value=\"([^\"]+)\"");

	private static final String TRY_AGAIN_ID = "Layanan sedang tidak tersedia sebentar. Silakan coba lagi beberapa saat lagi.";

	private static final String TRY_AGAIN_EN = "The service is briefly unavailable. Please try again in a moment.";

	private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

	private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

	private final Queue<String> refusedThenAcknowledged = new ConcurrentLinkedQueue<>();

	private Path dataDirectory;

	private int port;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext app;

	private volatile boolean loadRunning = true;

	@BeforeEach
	void startPostgresAndTheApplication() throws IOException, SQLException {
		this.dataDirectory = Files.createTempDirectory("otos-restart-pg");
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		this.postgres = startPostgres();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database otos");
		}
		this.app = AppNodes.start(this.postgres.getJdbcUrl("postgres", "otos"),
				"--otos.sessions.kept-for=" + KEPT_FOR.toSeconds() + "s");
	}

	@AfterEach
	void stopEverything() throws IOException {
		this.loadRunning = false;
		if (this.app != null) {
			this.app.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.dataDirectory != null) {
			try (Stream<Path> files = Files.walk(this.dataDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void duringARestartEveryAnswerIs503AndAfterwardsEverythingWorksAgainWithEveryAcknowledgedReplyKept()
			throws Exception {
		long first = openQuestion("siswa1@otos.test", "Sebelum basis data mati");
		long second = openQuestion("siswa2@otos.test", "Sebelum basis data mati juga");
		long third = openQuestion("siswa3@otos.test", "Untuk memeriksa pemulihan");
		HttpVisitor probe = new HttpVisitor().logIn(base(), "siswa3@otos.test", PASSWORD);
		HttpVisitor watcher = new HttpVisitor().logIn(base(), "siswa1@otos.test", PASSWORD);
		ExecutorService load = Executors.newFixedThreadPool(5);
		try (EventStream events = watcher.events(base())) {
			assertThat(events.next("hello", Duration.ofSeconds(10))).isNotNull();
			List<Future<?>> workers = new ArrayList<>();
			workers.add(load.submit(() -> postReplies("siswa1@otos.test", first)));
			workers.add(load.submit(() -> postReplies("siswa2@otos.test", second)));
			workers.add(load.submit(() -> postReplies("guru1@otos.test", first)));
			workers.add(load.submit(() -> readPages("siswa1@otos.test", first, "")));
			workers.add(load.submit(() -> readPages("siswa2@otos.test", second, "?lang=en")));
			awaitLoad(() -> this.acknowledged.size() >= 6 && this.answers.size() >= 30);

			this.postgres.close();
			long stopped = System.nanoTime();
			pause(OUTAGE.dividedBy(2));
			HttpResponse<String> inEnglish = timed(probe, "/messages/?lang=en");
			HttpResponse<String> apiInEnglish = timed(probe, "/api/messages/unread-count/?lang=en");
			pause(OUTAGE.dividedBy(2));
			long restarting = System.nanoTime();
			this.postgres = startPostgres();
			long back = System.nanoTime();
			Round recovered = firstFullySuccessfulRound(probe, third, back);
			pause(Duration.ofSeconds(2));
			this.loadRunning = false;
			for (Future<?> worker : workers) {
				worker.get(30, TimeUnit.SECONDS);
			}

			System.out.printf("PostgreSQL restart under load: stopped for %d ms, started in %d ms; recovery: the"
					+ " first round of requests that all succeeded was sent %d ms after PostgreSQL accepted"
					+ " connections and done %d ms after (%d answers, %d of them 503, %d replies acknowledged, %d"
					+ " of them after a 503)%n", ms(restarting - stopped), ms(back - restarting),
					ms(recovered.sent() - back), ms(recovered.done() - back), this.answers.size(),
					this.answers.stream().filter((answer) -> answer.status() == 503).count(), this.acknowledged.size(),
					this.refusedThenAcknowledged.size());

			assertThat(inEnglish.statusCode()).isEqualTo(503);
			assertThat(inEnglish.body()).contains(TRY_AGAIN_EN).contains("lang=\"en\"");
			assertThat(inEnglish.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
			assertThat(inEnglish.headers().firstValue("Content-Security-Policy")).isPresent();
			assertThat(apiInEnglish.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
			assertThat(apiInEnglish.statusCode()).isEqualTo(503);
			assertThat(apiInEnglish.body()).contains("\"error\":\"unavailable\"").contains(TRY_AGAIN_EN);
			assertThat(recovered.sent() - back)
				.as("time to serve a full round again after PostgreSQL is back; answers since: %s",
						this.answers.stream()
							.filter((answer) -> answer.ended() >= back)
							.map((answer) -> answer.since(back))
							.toList())
				.isLessThanOrEqualTo(RECOVERY.toNanos());
			everyAnswerWasWellFormed();
			assertThat(this.answers).as("answers to requests sent while PostgreSQL was away")
				.filteredOn((answer) -> answer.started() >= stopped && answer.started() <= back)
				.allSatisfy((answer) -> assertThat(answer.ended() - answer.started()).as(answer.toString())
					.isLessThanOrEqualTo(LONGEST_ANSWER.toNanos()));
			assertThat(this.answers).as("answers while PostgreSQL was stopped")
				.filteredOn((answer) -> answer.started() >= stopped && answer.ended() <= restarting)
				.isNotEmpty()
				.allSatisfy(
						(answer) -> assertThat(answer.status() == 503 || answeredFromWhatTheNodeKeeps(answer, stopped))
							.as("%s: a 503, or an unread count the node kept", answer)
							.isTrue());
			assertThat(this.answers).as("answers while PostgreSQL was stopped, sent after every kept session expired")
				.filteredOn(
						(answer) -> answer.started() >= stopped + KEPT_FOR.toNanos() && answer.ended() <= restarting)
				.isNotEmpty()
				.allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(503));
			assertThat(this.answers).as("answers after the recovery")
				.filteredOn((answer) -> answer.started() >= recovered.done())
				.isNotEmpty()
				.allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isIn(200, 302));
			everyAcknowledgedReplyIsThereOnce();
			theOpenStreamCarriesSignalsAgain(events, first);
		}
		finally {
			this.loadRunning = false;
			load.shutdownNow();
		}
	}

	/**
	 * Whether an answer given while the database was away may be a 200: an unread count
	 * (the JSON count, nothing else) asked for within {@link #KEPT_FOR} of the stop, when
	 * the node may still hold the asker's session and count.
	 */
	private static boolean answeredFromWhatTheNodeKeeps(Answer answer, long stopped) {
		return answer.status() == 200 && answer.path().startsWith("/api/messages/unread-count/")
				&& answer.started() < stopped + KEPT_FOR.toNanos() && answer.body().contains("\"unread_count\"");
	}

	private void everyAnswerWasWellFormed() {
		assertThat(this.answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isIn(200, 302, 503);
			assertThat(answer.body()).as(answer.toString()).doesNotContain("Exception").doesNotContain("\tat ");
			if (answer.status() == 503) {
				assertThat(answer.retryAfter()).as(answer.toString()).isEqualTo("5");
				if (answer.path().startsWith("/api/")) {
					assertThat(answer.body()).as(answer.toString()).contains("\"error\":\"unavailable\"");
				}
				else {
					assertThat(answer.body()).as(answer.toString())
						.contains(answer.path().contains("lang=en") ? TRY_AGAIN_EN : TRY_AGAIN_ID);
				}
			}
		});
	}

	private void everyAcknowledgedReplyIsThereOnce() {
		JdbcClient jdbc = this.app.getBean(JdbcClient.class);
		Map<String, Long> stored = new HashMap<>();
		jdbc.sql("select submission_key, count(*) from otosapp_message where submission_key is not null"
				+ " group by submission_key")
			.query((row) -> {
				stored.put(row.getString(1), row.getLong(2));
			});
		assertThat(this.acknowledged).allSatisfy((key) -> assertThat(stored.get(key)).as(key).isEqualTo(1L));
		assertThat(this.refusedThenAcknowledged).allSatisfy((key) -> assertThat(this.acknowledged).contains(key));
	}

	/**
	 * The stream opened before the outage is still open: the node listened again and told
	 * it to fetch everything ({@code hello}), and new signals reach it.
	 */
	private void theOpenStreamCarriesSignalsAgain(EventStream events, long thread) throws InterruptedException {
		assertThat(events.next("hello", Duration.ofSeconds(1))).as("told to fetch again after the outage").isNotNull();
		events.drain();
		HttpVisitor teacher = new HttpVisitor().logIn(base(), "guru1@otos.test", PASSWORD);
		String page = teacher.get(base() + "/messages/thread/" + thread + "/").body();
		HttpResponse<String> replied = teacher.post(base() + "/messages/thread/" + thread + "/",
				Map.of("action", "reply", "content", "Sesudah pemulihan", "submission_key",
						HttpVisitor.field(SUBMISSION_KEY, page, "submission_key"), "_csrf", HttpVisitor.csrf(page)));
		assertThat(replied.statusCode()).isEqualTo(302);
		EventStream.Event event = events.next("thread", Duration.ofSeconds(10));
		assertThat(event).as("a signal on the stream that stayed open through the outage").isNotNull();
		assertThat(event.isAbout(thread)).isTrue();
	}

	/**
	 * Rounds of the inbox, the unread count, the thread page and a reply, until one round
	 * succeeds completely: when it was sent (the application serves again from then on)
	 * and when it was done (later on a busy machine).
	 */
	private Round firstFullySuccessfulRound(HttpVisitor probe, long thread, long back) {
		long giveUp = back + RECOVERY.toNanos() + LONGEST_ANSWER.toNanos();
		int before = this.answers.size();
		while (System.nanoTime() < giveUp) {
			long sent = System.nanoTime();
			if (timed(probe, "/messages/").statusCode() == 200
					&& timed(probe, "/api/messages/unread-count/").statusCode() == 200) {
				HttpResponse<String> page = timed(probe, "/messages/thread/" + thread + "/");
				if (page.statusCode() == 200) {
					String key = HttpVisitor.field(SUBMISSION_KEY, page.body(), "submission_key");
					HttpResponse<String> reply = post(probe, thread, "Percobaan pemulihan", key, page.body());
					if (reply.statusCode() == 302) {
						this.acknowledged.add(key);
						return new Round(sent, System.nanoTime());
					}
				}
			}
			pause(Duration.ofMillis(100));
		}
		throw new AssertionError("no fully successful round within " + RECOVERY + " of PostgreSQL's return; answers: "
				+ this.answers.stream().skip(before).map((answer) -> answer.since(back)).toList());
	}

	/**
	 * Opens the thread page and sends a reply, again and again; a reply refused with 503
	 * is sent again, the same form with the same submission key, until it is
	 * acknowledged.
	 */
	private void postReplies(String email, long thread) {
		HttpVisitor person = new HttpVisitor().logIn(base(), email, PASSWORD);
		int sent = 0;
		while (this.loadRunning) {
			HttpResponse<String> page = timed(person, "/messages/thread/" + thread + "/");
			if (page.statusCode() != 200) {
				pause(Duration.ofMillis(200));
				continue;
			}
			String key = HttpVisitor.field(SUBMISSION_KEY, page.body(), "submission_key");
			String content = email + " balasan " + (++sent);
			boolean refused = false;
			HttpResponse<String> reply = post(person, thread, content, key, page.body());
			while (reply.statusCode() == 503) {
				refused = true;
				pause(Duration.ofMillis(200));
				reply = post(person, thread, content, key, page.body());
			}
			if (reply.statusCode() == 302) {
				assertThat(reply.headers().firstValue("Location").orElse(""))
					.endsWith("/messages/thread/" + thread + "/");
				this.acknowledged.add(key);
				if (refused) {
					this.refusedThenAcknowledged.add(key);
				}
			}
			pause(Duration.ofMillis(20));
		}
	}

	private void readPages(String email, long thread, String query) {
		HttpVisitor person = new HttpVisitor().logIn(base(), email, PASSWORD);
		while (this.loadRunning) {
			timed(person, "/messages/" + query);
			timed(person, "/api/messages/unread-count/" + query);
			timed(person, "/messages/thread/" + thread + "/" + query);
			pause(Duration.ofMillis(20));
		}
	}

	/** Waits until every worker runs (logging in takes a while on a busy machine). */
	private void awaitLoad(BooleanSupplier running) {
		long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!running.getAsBoolean()) {
			assertThat(System.nanoTime()).as("the load started").isLessThan(giveUp);
			pause(Duration.ofMillis(50));
		}
	}

	private HttpResponse<String> timed(HttpVisitor person, String path) {
		long started = System.nanoTime();
		HttpResponse<String> response = person.get(base() + path);
		record(path, started, response);
		return response;
	}

	private HttpResponse<String> post(HttpVisitor person, long thread, String content, String key, String page) {
		String path = "/messages/thread/" + thread + "/";
		long started = System.nanoTime();
		HttpResponse<String> response = person.post(base() + path,
				Map.of("action", "reply", "content", content, "submission_key", key, "_csrf", HttpVisitor.csrf(page)));
		record("POST " + path, started, response);
		return response;
	}

	private void record(String path, long started, HttpResponse<String> response) {
		this.answers.add(new Answer(path.startsWith("POST ") ? path.substring(5) : path, started, System.nanoTime(),
				response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), response.body()));
	}

	private long openQuestion(String studentEmail, String title) {
		JdbcClient jdbc = this.app.getBean(JdbcClient.class);
		long student = jdbc.sql("select id from otosapp_user where email = ?")
			.param(studentEmail)
			.query(Long.class)
			.single();
		long category = jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
		return this.app.getBean(ThreadDesk.class)
			.open(this.app.getBean(Viewers.class)
				.of(this.app.getBean(Accounts.class).currentUser(student).orElseThrow()),
					new NewThread(title, ThreadType.ACADEMIC, category, null, Priority.NORMAL, "Pertanyaan pertama",
							UUID.randomUUID().toString()),
					null);
	}

	private EmbeddedPostgres startPostgres() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start", ex);
		}
	}

	private String base() {
		return AppNodes.url(this.app);
	}

	private static long ms(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

	/** Paces the load and the phases; nothing waits for anything by sleeping. */
	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Round(long sent, long done) {

	}

	record Answer(String path, long started, long ended, int status, String retryAfter, String body) {

		String since(long back) {
			return this.status + " " + this.path + " " + ms(this.started - back) + ".." + ms(this.ended - back) + " ms";
		}

		@Override
		public String toString() {
			return this.status + " for " + this.path + " after " + ms(this.ended - this.started) + " ms";
		}

	}

}
