package id.otos.messaging.notifications;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.TestDatabases;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writers: two app nodes on one PostgreSQL database; 64 browsers posting
 * 10,000 replies over real HTTP into a handful of shared threads, some forms submitted
 * twice at once (once on each node), while others read thread pages, inboxes and unread
 * counts and change statuses, priorities and handlers on both nodes. Afterwards: every
 * acknowledged reply is stored exactly once and nothing else is, a double submission is
 * one message, nobody was answered with an error, every person's unread count on both
 * nodes equals a recount in SQL, and the audit log holds exactly the acknowledged
 * changes, each thread's entries chaining from how it was opened to how it is now. The
 * figures are printed on a line starting "concurrent writers:".
 */
class ConcurrentWritersPostgresTests {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	static final int WRITERS = 64;

	static final int MESSAGES = 10_000;

	/** Every so many replies of a writer, its form is submitted twice at once. */
	static final int TWIN_EVERY = 40;

	/** Every so many replies (of all writers), someone changes a thread. */
	static final int CHANGE_EVERY = 20;

	/** Every so many replies (of all writers), someone reads. */
	static final int READ_EVERY = 8;

	static final Duration SETTLE = Duration.ofSeconds(30);

	private static final Pattern COUNT = Pattern.compile("\"unread_count\"\\s*:\\s*(\\d+)");

	private static final Pattern MESSAGE_ID = Pattern.compile("data-message-id=\"(\\d+)\"");

	private static final Pattern TOKEN = Pattern.compile("^cw (w\\d+m\\d+) ");

	/** What no page may ever tell a person: the database's contention errors. */
	private static final Pattern CONTENTION = Pattern.compile(
			"deadlock|could not serialize|serializ|lockacquisition|pessimisticlock|cannotacquirelock|could not obtain lock",
			Pattern.CASE_INSENSITIVE);

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static JdbcClient jdbc;

	static List<String> nodes;

	@BeforeAll
	static void startTwoNodes() {
		String database = TestDatabases.newPostgresDatabase("concurrent_writers");
		a = AppNodes.start(TestDatabases.postgresUrl(database));
		b = AppNodes.start(TestDatabases.postgresUrl(database));
		jdbc = a.getBean(JdbcClient.class);
		nodes = List.of(AppNodes.url(a), AppNodes.url(b));
	}

	@AfterAll
	static void stopBothNodes() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void sixtyFourWritersOnTwoNodesLoseNothingDoubleNothingAndKeepCountsAndAuditExact() throws Exception {
		School school = new School();
		List<SharedThread> threads = openSharedThreads(school);
		long deadlocksBefore = deadlocks();
		Tally tally = new Tally();
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 24);
		ExecutorService twins = Executors.newFixedThreadPool(16);
		long wall;
		try {
			List<Client> writers = logIn(school.writers());
			List<Client> changers = logIn(school.changers());
			List<Client> readers = logIn(school.readers());
			Work work = new Work();
			long started = System.nanoTime();
			List<Future<?>> writing = new ArrayList<>();
			for (int w = 0; w < writers.size(); w++) {
				int number = w;
				int quota = MESSAGES / WRITERS + ((w < MESSAGES % WRITERS) ? 1 : 0);
				writing.add(pool
					.submit(() -> write(number, writers.get(number), quota, school, threads, tally, twins, work)));
			}
			List<Future<?>> others = new ArrayList<>();
			for (int c = 0; c < changers.size(); c++) {
				Client changer = changers.get(c);
				Random random = new Random(c);
				others.add(pool.submit(() -> change(changer, random, school, threads, tally, work)));
			}
			for (int r = 0; r < readers.size(); r++) {
				Client reader = readers.get(r);
				Random random = new Random(1000 + r);
				others.add(pool.submit(() -> read(reader, random, school, threads, tally, work)));
			}
			for (Future<?> writer : writing) {
				writer.get(10, TimeUnit.MINUTES);
			}
			wall = System.nanoTime() - started;
			work.writersDone();
			for (Future<?> other : others) {
				other.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			twins.shutdownNow();
			pool.shutdownNow();
		}
		Map<String, Long> stored = storedTokens();
		List<String> lost = tally.acknowledged.keySet()
			.stream()
			.filter((t) -> !stored.containsKey(t))
			.sorted()
			.toList();
		List<String> doubled = countedTokens().entrySet()
			.stream()
			.filter((e) -> e.getValue() > 1)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		List<String> neverSent = stored.keySet().stream().filter((t) -> !tally.sent.containsKey(t)).sorted().toList();
		List<String> wrongThread = stored.entrySet()
			.stream()
			.filter((e) -> tally.sent.containsKey(e.getKey()) && !tally.sent.get(e.getKey()).equals(e.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		long storedUnacknowledged = stored.keySet().stream().filter((t) -> !tally.acknowledged.containsKey(t)).count();
		List<Client> askers = logIn(
				school.people().stream().flatMap((p) -> List.of(new Seat(p, 0), new Seat(p, 1)).stream()).toList());
		askers.forEach(ConcurrentWritersPostgresTests::unreadCount);
		leaveSomethingUnread(school, threads);
		long unreadLeft = school.people().stream().mapToLong(ConcurrentWritersPostgresTests::recount).sum();
		Map<String, Long> countsLeftWrong = unreadCountsSettle(askers);
		long deadlocksAfter = deadlocks();
		double seconds = wall / 1e9;
		System.out.printf(
				"concurrent writers: %d writers on 2 nodes, %d replies sent (%d submitted twice at once, %d of those "
						+ "acknowledged on both nodes), %d acknowledged, %d stored, lost %d, doubled %d, "
						+ "stored but never sent %d, stored but not acknowledged %d, wall %.1f s, %.0f messages/s; "
						+ "%d changes acknowledged (%d refused by the workflow with a message), %d reads; %d requests, "
						+ "not 2xx/3xx: %s; contention errors shown: %d; unread counts never equal to the recount: %s; "
						+ "PostgreSQL deadlocks %d -> %d%n",
				WRITERS, tally.sent.size(), tally.twins.get(), tally.twinsBothAcknowledged.get(),
				tally.acknowledged.size(), stored.size(), lost.size(), doubled.size(), neverSent.size(),
				storedUnacknowledged, seconds, tally.acknowledged.size() / seconds, tally.changesApplied.get(),
				tally.changesRefused.get(), tally.reads.get(), tally.requests.get(), tally.failures,
				tally.contention.get(), countsLeftWrong, deadlocksBefore, deadlocksAfter);

		assertThat(unreadLeft).as("unread messages left to count").isPositive();
		assertThat(tally.failures).as("responses that were neither 2xx nor 3xx, by kind").isEmpty();
		assertThat(tally.contention.get()).as("pages that mention a database contention error").isZero();
		assertThat(tally.sent).hasSize(MESSAGES);
		assertThat(tally.acknowledged).as("every reply acknowledged").hasSize(MESSAGES);
		assertThat(lost).as("acknowledged replies not stored").isEmpty();
		assertThat(doubled).as("replies stored more than once").isEmpty();
		assertThat(neverSent).as("stored messages nobody sent").isEmpty();
		assertThat(wrongThread).as("replies stored in another thread").isEmpty();
		assertThat(tally.twins.get()).as("double submissions made").isGreaterThan(MESSAGES / TWIN_EVERY / 2);
		assertThat(tally.changesApplied.get()).as("changes made").isGreaterThan(MESSAGES / CHANGE_EVERY / 4);
		assertLastMessageOfEachThreadIsItsNewest();
		assertAuditChainsFromOpeningToNow(threads);
		assertThat(actionEntriesInTheAudit())
			.as("audit entries of status, priority and handler changes vs the changes acknowledged")
			.isEqualTo(new TreeMap<>(tally.expectedAudit));
		assertThat(countsLeftWrong).as("unread counts that never came to equal the SQL recount").isEmpty();
	}

	private static void write(int number, Client writer, int quota, School school, List<SharedThread> threads,
			Tally tally, ExecutorService twins, Work work) {
		Random random = new Random(number);
		List<SharedThread> mine = threads.stream().filter((t) -> school.mayOpen(writer.person(), t)).toList();
		for (int i = 0; i < quota; i++) {
			SharedThread thread = mine.get(random.nextInt(mine.size()));
			String token = "w" + number + "m" + i;
			String path = "/messages/thread/" + thread.id() + "/";
			Map<String, String> form = Map.of("action", "reply", "content", "cw " + token + " balasan dari " + number,
					"submission_key", UUID.randomUUID().toString(), "_csrf", writer.csrf());
			tally.sent.put(token, thread.id());
			Future<HttpResponse<String>> twin = null;
			if (i % TWIN_EVERY == number % TWIN_EVERY) {
				String other = nodes.get(1 - writer.node());
				twin = twins.submit(() -> writer.visitor().post(other + path, form));
				tally.twins.incrementAndGet();
			}
			HttpResponse<String> response = tally.call("reply",
					() -> writer.visitor().post(writer.base() + path, form));
			boolean acknowledged = isRedirectTo(response, path);
			if (twin != null) {
				HttpResponse<String> second = tally.call("reply (twin)", twin::get);
				boolean secondAcknowledged = isRedirectTo(second, path);
				if (acknowledged && secondAcknowledged) {
					tally.twinsBothAcknowledged.incrementAndGet();
				}
				acknowledged |= secondAcknowledged;
			}
			if (acknowledged) {
				tally.acknowledged.put(token, thread.id());
			}
			work.replied();
		}
	}

	/**
	 * Operators and admins change statuses (never to open: only replies reopen here, so
	 * the audit tells the two apart), priorities and handlers; teachers resolve, ask to
	 * close and claim; students close. Each change is followed to the page it redirects
	 * to, which says whether it was made.
	 */
	private static void change(Client changer, Random random, School school, List<SharedThread> threads, Tally tally,
			Work work) {
		Person person = changer.person();
		List<SharedThread> mine = threads.stream().filter((t) -> school.mayOpen(person, t)).toList();
		while (work.nextChange()) {
			SharedThread thread = mine.get(random.nextInt(mine.size()));
			Map<String, String> form = new HashMap<>();
			String expected;
			switch (person.role()) {
				case "Operator", "Admin" -> {
					int what = random.nextInt(3);
					if (what == 0) {
						String status = List.of("pending", "resolved", "closed").get(random.nextInt(3));
						form.put("action", "update_status");
						form.put("status", status);
						expected = "status|" + status + "|";
					}
					else if (what == 1) {
						String priority = List.of("low", "normal", "high", "urgent").get(random.nextInt(4));
						form.put("action", "update_priority");
						form.put("priority", priority);
						expected = "priority|" + priority + "|";
					}
					else {
						List<Long> handlers = school.eligibleHandlers(thread);
						int pick = random.nextInt(handlers.size() + 1);
						String handler = (pick < handlers.size()) ? handlers.get(pick).toString() : "";
						String note = "cn " + UUID.randomUUID();
						form.put("action", "assign");
						form.put("handler", handler);
						form.put("note", note);
						expected = "assignment|" + (handler.isEmpty() ? null : handler) + "|" + note;
					}
				}
				case "Teacher" -> {
					int what = random.nextInt(3);
					if (what == 0) {
						form.put("action", "update_status");
						form.put("status", "resolved");
						expected = "status|resolved|";
					}
					else if (what == 1) {
						form.put("action", "request_close");
						expected = "status|pending|close requested";
					}
					else {
						// a person claims what the page offers to claim
						HttpResponse<String> page = tally.call("thread page",
								() -> changer.visitor().get(changer.base() + "/messages/thread/" + thread.id() + "/"));
						if (page == null || !page.body().contains("id=\"action-claim\"")) {
							continue;
						}
						form.put("action", "claim");
						expected = "assignment|" + person.id() + "|claimed";
					}
				}
				default -> {
					form.put("action", "close_thread");
					expected = "status|closed|";
				}
			}
			form.put("_csrf", changer.csrf());
			String path = "/messages/thread/" + thread.id() + "/";
			HttpResponse<String> response = tally.call(form.get("action"),
					() -> changer.visitor().post(changer.base() + path, form));
			if (!isRedirectTo(response, path)) {
				continue;
			}
			HttpResponse<String> page = tally.call("page after " + form.get("action"),
					() -> changer.visitor().get(changer.base() + path));
			if (page == null || page.statusCode() != 200) {
				continue;
			}
			if (page.body().contains("id=\"flash-success\"")) {
				tally.changesApplied.incrementAndGet();
				tally.expectedAudit.merge(person.id() + "|" + expected, 1L, Long::sum);
			}
			else if (page.body().contains("id=\"flash-error\"")) {
				tally.changesRefused.incrementAndGet();
			}
			else {
				tally.failures.merge(form.get("action") + ": the page after it says nothing", 1, Integer::sum);
			}
		}
	}

	/**
	 * An open thread page as the browser keeps it: the whole page once, then only what is
	 * new ({@code messages?after=}); and the inbox and the count.
	 */
	private static void read(Client reader, Random random, School school, List<SharedThread> threads, Tally tally,
			Work work) {
		List<SharedThread> mine = threads.stream().filter((t) -> school.mayOpen(reader.person(), t)).toList();
		Map<Long, Long> shown = new HashMap<>();
		while (work.nextRead()) {
			SharedThread thread = mine.get(random.nextInt(mine.size()));
			String base = reader.base() + "/messages/thread/" + thread.id() + "/";
			Long after = shown.get(thread.id());
			HttpResponse<String> page = tally.call("thread page",
					() -> reader.visitor().get((after != null) ? base + "messages?after=" + after : base));
			if (page != null) {
				Matcher ids = MESSAGE_ID.matcher(page.body());
				while (ids.find()) {
					shown.merge(thread.id(), Long.parseLong(ids.group(1)), Math::max);
				}
			}
			tally.call("inbox", () -> reader.visitor().get(reader.base() + "/messages/"));
			tally.call("unread count", () -> reader.visitor().get(reader.base() + "/api/messages/unread-count/"));
			tally.reads.incrementAndGet();
		}
	}

	/**
	 * Each person's count, asked on both nodes until it equals the SQL recount or
	 * {@link #SETTLE} has passed: what is still wrong then.
	 */
	private static Map<String, Long> unreadCountsSettle(List<Client> askers) throws Exception {
		Map<String, Long> wrong = new TreeMap<>();
		long deadline = System.nanoTime() + SETTLE.toNanos();
		for (Client asker : askers) {
			long recount = recount(asker.person());
			long count = unreadCount(asker);
			while (count != recount && System.nanoTime() < deadline) {
				Thread.sleep(20);
				count = unreadCount(asker);
			}
			if (count != recount) {
				wrong.put(asker.person().email() + " on node " + asker.node() + " (recount " + recount + ")", count);
			}
		}
		return wrong;
	}

	/**
	 * After the crowd, with everyone's count just asked (and so kept) on both nodes: in
	 * each thread the student and then an admin reply once more on node A, so that
	 * handlers and students alike have messages unread, and node B hears of them only
	 * through the signals between nodes.
	 */
	private static void leaveSomethingUnread(School school, List<SharedThread> threads) throws Exception {
		Client admin = logIn(List.of(new Seat(school.person("admin"), 0))).get(0);
		for (SharedThread thread : threads) {
			Person student = school.people()
				.stream()
				.filter((p) -> p.id() == thread.studentId())
				.findFirst()
				.orElseThrow();
			Client owner = logIn(List.of(new Seat(student, 0))).get(0);
			for (Client client : List.of(owner, admin)) {
				String path = "/messages/thread/" + thread.id() + "/";
				HttpResponse<String> response = client.visitor()
					.post(client.base() + path, Map.of("action", "reply", "content", "terakhir", "submission_key",
							UUID.randomUUID().toString(), "_csrf", client.csrf()));
				assertThat(isRedirectTo(response, path)).as("the last replies are acknowledged").isTrue();
			}
		}
	}

	private static long unreadCount(Client asker) {
		HttpResponse<String> response = asker.visitor().get(asker.base() + "/api/messages/unread-count/");
		assertThat(response.statusCode()).isEqualTo(200);
		Matcher matcher = COUNT.matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * The unread rule (docs/decisions/0004) in SQL: messages not sent by the person,
	 * after their own read position, over the threads on their desk.
	 */
	private static long recount(Person person) {
		String desk = switch (person.role()) {
			case "Student" -> "t.student_id = :me";
			case "Teacher" -> """
					t.teacher_or_admin_id = :me or (t.teacher_or_admin_id is null and t.thread_type = 'academic'
					  and t.category_id in (select category_id from otosapp_category_teachers where user_id = :me))""";
			case "Operator" ->
				"t.teacher_or_admin_id = :me or (t.teacher_or_admin_id is null and t.thread_type <> 'academic')";
			default -> """
					t.teacher_or_admin_id = :me or (t.teacher_or_admin_id is null and t.thread_type <> 'academic')
					  or (t.status = 'pending' and t.close_requested_at is not null)""";
		};
		return jdbc.sql("""
				select count(*) from otosapp_message m
				join otosapp_messagethread t on t.id = m.thread_id
				left join otos_thread_read r on r.thread_id = m.thread_id and r.user_id = :me
				where m.sender_id <> :me and m.id > coalesce(r.last_read_message_id, 0) and (%s)
				""".formatted(desk)).param("me", person.id()).query(Long.class).single();
	}

	/** The reply each stored token is in (the last one seen, if stored twice). */
	private static Map<String, Long> storedTokens() {
		Map<String, Long> tokens = new HashMap<>();
		jdbc.sql("select thread_id, content from otosapp_message").query((rs) -> {
			Matcher matcher = TOKEN.matcher(rs.getString("content"));
			if (matcher.find()) {
				tokens.put(matcher.group(1), rs.getLong("thread_id"));
			}
		});
		return tokens;
	}

	private static Map<String, Long> countedTokens() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select content from otosapp_message").query((rs) -> {
			Matcher matcher = TOKEN.matcher(rs.getString("content"));
			if (matcher.find()) {
				counts.merge(matcher.group(1), 1L, Long::sum);
			}
		});
		return counts;
	}

	/** The thread row's last message, moved by every reply, lost none of the moves. */
	private static void assertLastMessageOfEachThreadIsItsNewest() {
		List<Long> off = jdbc
			.sql("""
					select t.id from otosapp_messagethread t
					where t.last_message_id is distinct from (select max(m.id) from otosapp_message m where m.thread_id = t.id)
					""")
			.query(Long.class)
			.list();
		assertThat(off).as("threads whose last message is not their newest").isEmpty();
	}

	/**
	 * Per thread and kind, ordered as written: each entry starts where the one before
	 * ended, the first where the thread was opened, the last where the thread is now. A
	 * lost or doubled change breaks the chain.
	 */
	private static void assertAuditChainsFromOpeningToNow(List<SharedThread> threads) {
		for (SharedThread thread : threads) {
			Map<String, String> now = jdbc.sql("""
					select status, priority, cast(teacher_or_admin_id as varchar) as handler
					from otosapp_messagethread where id = ?
					""").param(thread.id()).query((rs, n) -> {
				Map<String, String> values = new HashMap<>();
				values.put("status", rs.getString("status"));
				values.put("priority", rs.getString("priority"));
				values.put("assignment", rs.getString("handler"));
				return values;
			}).single();
			Map<String, String> opened = new HashMap<>();
			opened.put("status", "open");
			opened.put("priority", thread.priority());
			opened.put("assignment", (thread.handlerId() != null) ? thread.handlerId().toString() : null);
			for (String kind : List.of("status", "priority", "assignment")) {
				List<String[]> entries = jdbc.sql(
						"select from_value, to_value from otos_thread_audit where thread_id = ? and action = ? order by id")
					.param(thread.id())
					.param(kind)
					.query((rs, n) -> new String[] { rs.getString("from_value"), rs.getString("to_value") })
					.list();
				String at = opened.get(kind);
				for (int i = 0; i < entries.size(); i++) {
					assertThat(entries.get(i)[0])
						.as("thread %d, %s entry %d starts where the one before ended", thread.id(), kind, i)
						.isEqualTo(at);
					at = entries.get(i)[1];
				}
				assertThat(at).as("thread %d: its %s log ends where the thread is", thread.id(), kind)
					.isEqualTo(now.get(kind));
			}
		}
	}

	/**
	 * The audit entries of the changes made by hand, counted by who, what, to what and
	 * note: everything except what replies do themselves (reopen, and the first handler
	 * reply taking the thread).
	 */
	private static Map<String, Long> actionEntriesInTheAudit() {
		Map<String, Long> entries = new TreeMap<>();
		jdbc.sql("""
				select actor_id, action, to_value, note from otos_thread_audit
				where not (action = 'status' and to_value = 'open')
				  and not (action = 'assignment' and note = 'first reply')
				  and action <> 'routed'"""
				+ /* routing's first decision, made when the thread opened */ """
						""")
			.query((rs) -> {
				String note = rs.getString("note");
				entries.merge(rs.getLong("actor_id") + "|" + rs.getString("action") + "|" + rs.getString("to_value")
						+ "|" + ((note != null) ? note : ""), 1L, Long::sum);
			});
		return entries;
	}

	private static long deadlocks() {
		return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

	private static boolean isRedirectTo(HttpResponse<String> response, String path) {
		return response != null && response.statusCode() == 302
				&& response.headers().firstValue("Location").orElse("").endsWith(path);
	}

	/** Logs each seat in, four at a time: a log-in is meant to be slow (BCrypt). */
	private static List<Client> logIn(List<Seat> seats) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Client>> clients = new ArrayList<>();
		for (Seat seat : seats) {
			clients.add(pool.submit(() -> {
				String base = nodes.get(seat.node());
				HttpVisitor visitor = new HttpVisitor().logIn(base, seat.person().email(), PASSWORD);
				String csrf = HttpVisitor.csrf(visitor.get(base + "/messages/").body());
				return new Client(seat.person(), seat.node(), visitor, csrf);
			}));
		}
		List<Client> loggedIn = new ArrayList<>();
		try {
			for (Future<Client> client : clients) {
				loggedIn.add(client.get(2, TimeUnit.MINUTES));
			}
		}
		finally {
			pool.shutdownNow();
		}
		return loggedIn;
	}

	private static List<SharedThread> openSharedThreads(School school) {
		ThreadDesk desk = a.getBean(ThreadDesk.class);
		Viewers viewers = a.getBean(Viewers.class);
		Accounts accounts = a.getBean(Accounts.class);
		record Opening(String student, ThreadType type, String category) {
		}
		List<Opening> openings = List.of(new Opening("siswa1", ThreadType.ACADEMIC, "Matematika"),
				new Opening("siswa1", ThreadType.TECHNICAL, null), new Opening("siswa2", ThreadType.ACADEMIC, "Kimia"),
				new Opening("siswa2", ThreadType.GENERAL, null),
				new Opening("siswa2", ThreadType.ACADEMIC, "Matematika"),
				new Opening("siswa3", ThreadType.ACADEMIC, "Fisika"), new Opening("siswa3", ThreadType.REPORT, null),
				new Opening("siswa3", ThreadType.ACADEMIC, "Bahasa Inggris"));
		List<SharedThread> threads = new ArrayList<>();
		for (Opening opening : openings) {
			Person student = school.person(opening.student());
			Long category = (opening.category() != null) ? school.category(opening.category()) : null;
			long id = desk.open(viewers.of(accounts.currentUser(student.id()).orElseThrow()),
					new NewThread("Bersama " + threads.size(), opening.type(), category, null, Priority.NORMAL,
							"Pertanyaan yang dijawab banyak orang sekaligus", null),
					null);
			Long handler = jdbc.sql("select teacher_or_admin_id from otosapp_messagethread where id = ?")
				.param(id)
				.query(Long.class)
				.optional()
				.orElse(null);
			threads.add(new SharedThread(id, opening.type(), category, student.id(), "normal", handler));
		}
		return threads;
	}

	record Person(String email, long id, String role, Set<Long> taught) {

	}

	record SharedThread(long id, ThreadType type, Long categoryId, long studentId, String priority, Long handlerId) {

	}

	/** A person at a browser pointed at one node. */
	record Seat(Person person, int node) {

	}

	record Client(Person person, int node, HttpVisitor visitor, String csrf) {

		String base() {
			return nodes.get(this.node);
		}

	}

	/** The demo school's people, and who of them does what in this test. */
	static final class School {

		private final Map<String, Person> people = new HashMap<>();

		private final Map<String, Long> categories = new HashMap<>();

		School() {
			jdbc.sql("""
					select u.id, u.email, r.role_name from otosapp_user u join otosapp_role r on r.id = u.role_id
					""").query((rs) -> {
				long id = rs.getLong("id");
				Set<Long> taught = new HashSet<>(
						jdbc.sql("select category_id from otosapp_category_teachers where user_id = ?")
							.param(id)
							.query(Long.class)
							.list());
				String email = rs.getString("email");
				this.people.put(email.substring(0, email.indexOf('@')),
						new Person(email, id, rs.getString("role_name"), taught));
			});
			jdbc.sql("select id, category_name from otosapp_category").query((rs) -> {
				this.categories.put(rs.getString("category_name"), rs.getLong("id"));
			});
		}

		Person person(String name) {
			return this.people.get(name);
		}

		long category(String name) {
			return this.categories.get(name);
		}

		List<Person> people() {
			return this.people.values().stream().sorted((x, y) -> x.email().compareTo(y.email())).toList();
		}

		/**
		 * 64 browsers: ten per student and for guru1, eight each for guru2, operator,
		 * admin.
		 */
		List<Seat> writers() {
			List<Seat> seats = new ArrayList<>();
			Map<String, Integer> shares = Map.of("siswa1", 10, "siswa2", 10, "siswa3", 10, "guru1", 10, "guru2", 8,
					"operator", 8, "admin", 8);
			new TreeMap<>(shares).forEach((name, share) -> {
				for (int i = 0; i < share; i++) {
					seats.add(new Seat(person(name), seats.size() % 2));
				}
			});
			assertThat(seats).hasSize(WRITERS);
			return seats;
		}

		List<Seat> changers() {
			return List.of(new Seat(person("operator"), 0), new Seat(person("operator"), 1),
					new Seat(person("admin"), 0), new Seat(person("admin"), 1), new Seat(person("guru1"), 0),
					new Seat(person("guru2"), 1), new Seat(person("siswa1"), 1), new Seat(person("siswa3"), 0));
		}

		List<Seat> readers() {
			return List.of(new Seat(person("siswa1"), 0), new Seat(person("siswa2"), 1), new Seat(person("siswa3"), 0),
					new Seat(person("guru1"), 1), new Seat(person("guru2"), 0), new Seat(person("operator"), 0),
					new Seat(person("operator"), 1), new Seat(person("admin"), 1));
		}

		/** Who may open (and so read, and reply to) the thread whoever handles it. */
		boolean mayOpen(Person person, SharedThread thread) {
			return switch (person.role()) {
				case "Student" -> thread.studentId() == person.id();
				case "Teacher" -> thread.type() == ThreadType.ACADEMIC && person.taught().contains(thread.categoryId());
				case "Operator" -> thread.type() != ThreadType.ACADEMIC;
				default -> true;
			};
		}

		List<Long> eligibleHandlers(SharedThread thread) {
			return this.people.values()
				.stream()
				.filter((p) -> (thread.type() == ThreadType.ACADEMIC)
						? p.role().equals("Teacher") && p.taught().contains(thread.categoryId())
						: p.role().equals("Operator") || p.role().equals("Admin"))
				.map(Person::id)
				.sorted()
				.toList();
		}

	}

	/**
	 * Paces the readers and changers by the replies written: one change per
	 * {@link #CHANGE_EVERY} replies, one read per {@link #READ_EVERY}, until the writers
	 * are done and what they gave out is used up.
	 */
	static final class Work {

		private final AtomicInteger replies = new AtomicInteger();

		private final Semaphore changes = new Semaphore(0);

		private final Semaphore reads = new Semaphore(0);

		private final AtomicBoolean writing = new AtomicBoolean(true);

		void replied() {
			int n = this.replies.incrementAndGet();
			if (n % CHANGE_EVERY == 0) {
				this.changes.release();
			}
			if (n % READ_EVERY == 0) {
				this.reads.release();
			}
		}

		void writersDone() {
			this.writing.set(false);
		}

		boolean nextChange() {
			return next(this.changes);
		}

		boolean nextRead() {
			return next(this.reads);
		}

		private boolean next(Semaphore permits) {
			try {
				while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
					if (!this.writing.get()) {
						return permits.tryAcquire();
					}
				}
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}

	/** Everything the browsers were told. */
	static final class Tally {

		final Map<String, Long> sent = new ConcurrentHashMap<>();

		final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

		final AtomicInteger twins = new AtomicInteger();

		final AtomicInteger twinsBothAcknowledged = new AtomicInteger();

		final AtomicInteger changesApplied = new AtomicInteger();

		final AtomicInteger changesRefused = new AtomicInteger();

		final AtomicInteger reads = new AtomicInteger();

		final AtomicLong requests = new AtomicLong();

		final AtomicInteger contention = new AtomicInteger();

		/** Who|kind|to|note of each change acknowledged as made. */
		final Map<String, Long> expectedAudit = new ConcurrentHashMap<>();

		/** "what status: first words of the page" of every answer not 2xx or 3xx. */
		final Map<String, Integer> failures = new ConcurrentHashMap<>();

		/** Sends, and notes what came back; {@code null} if nothing did. */
		HttpResponse<String> call(String what, Callable<HttpResponse<String>> request) {
			this.requests.incrementAndGet();
			HttpResponse<String> response;
			try {
				response = request.call();
			}
			catch (Exception ex) {
				this.failures.merge(what + ": no answer: " + ex, 1, Integer::sum);
				return null;
			}
			int status = response.statusCode();
			if (CONTENTION.matcher(whatItSays(response)).find()) {
				this.contention.incrementAndGet();
			}
			if (status < 200 || status >= 400) {
				String text = response.body().replaceAll("(?s)<head>.*</head>", "").replaceAll("<[^>]+>", " ");
				text = text.replaceAll("\"timestamp\":\"[^\"]*\",?", "").replaceAll("\\d+", "N");
				text = text.replaceAll("\\s+", " ").strip();
				this.failures.merge(what + " " + status + ": " + text.substring(0, Math.min(text.length(), 160)), 1,
						Integer::sum);
			}
			return response;
		}

		/**
		 * Where an answer could tell a person of an error: the whole page of an error,
		 * the alert of a page that has one (the page itself holds the people's messages).
		 */
		private static String whatItSays(HttpResponse<String> response) {
			String body = response.body();
			if (response.statusCode() >= 400) {
				return body;
			}
			int alert = body.indexOf("id=\"flash-error\"");
			return (alert < 0) ? "" : body.substring(alert, body.indexOf("</p>", alert));
		}

	}

}
