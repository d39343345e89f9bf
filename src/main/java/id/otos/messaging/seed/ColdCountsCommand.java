package id.otos.messaging.seed;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.InboxFilter;
import id.otos.messaging.threads.InboxRow;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code db cold-counts}: what an unread count costs when nothing is kept (the first
 * count after a change), on a database filled by {@code db seed}: for the first seeded
 * student, teacher, operator and admin it counts five times with the application's own
 * statement ({@link Inbox#unreadCount}, the desk rule of {@code DeskQuery}, nothing
 * pasted) and prints the count and the best time; with {@code --after-a-message}, then,
 * for the teacher, operator and admin, the first count after a message on their desk as
 * the application answers it (kept counts, {@code UnreadCounts}; this writes a message
 * per role). It starts the application without its web server, so it needs the same
 * settings ({@code SPRING_DATASOURCE_URL} ...). Returns 0, or 1 when the database holds
 * no seeded school.
 */
public final class ColdCountsCommand {

	private static final int ROUNDS = 5;

	/** Also measures the first count after a message (it writes one per role). */
	static final String AFTER_A_MESSAGE = "--after-a-message";

	private static final Map<String, Object> SETTINGS = Map.of("logging.level.root", "WARN",
			"logging.level.org.springframework.boot.SpringApplication", "OFF", "otos.demo.enabled", "false",
			"otos.notifications.enabled", "false", "spring.main.lazy-initialization", "true");

	private ColdCountsCommand() {
	}

	public static boolean isRequested(String[] args) {
		return args.length > 1 && "db".equals(args[0]) && "cold-counts".equals(args[1]);
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		boolean afterAMessage = Arrays.asList(args).contains(AFTER_A_MESSAGE);
		String[] settings = Arrays.stream(args, 2, args.length)
			.filter((arg) -> !AFTER_A_MESSAGE.equals(arg))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(SETTINGS)
			.run(settings)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Viewers viewers = context.getBean(Viewers.class);
			Inbox inbox = context.getBean(Inbox.class);
			Optional<Long> student = first(jdbc, "siswa%@bench.otos.test");
			Optional<Long> teacher = first(jdbc, "guru%@bench.otos.test");
			Optional<Long> operator = first(jdbc, "operator1@bench.otos.test");
			Optional<Long> admin = first(jdbc, "admin1@bench.otos.test");
			if (student.isEmpty() || teacher.isEmpty() || operator.isEmpty() || admin.isEmpty()) {
				err.println("db cold-counts: no seeded student, teacher, operator or admin here;"
						+ " fill the database with db seed");
				return 1;
			}
			out.printf(Locale.ROOT, "%d threads, %d messages%n", count(jdbc, "otosapp_messagethread"),
					count(jdbc, "otosapp_message"));
			measure(out, "student", inbox, viewers.of(student.get(), RoleName.STUDENT));
			measure(out, "teacher", inbox, viewers.of(teacher.get(), RoleName.TEACHER));
			measure(out, "operator", inbox, viewers.of(operator.get(), RoleName.OPERATOR));
			measure(out, "admin", inbox, viewers.of(admin.get(), RoleName.ADMIN));
			if (!afterAMessage) {
				return 0;
			}
			AfterAMessage after = new AfterAMessage(jdbc, viewers, inbox, context.getBean(UnreadCounts.class),
					context.getBean(ThreadDesk.class), context.getBean(MeterRegistry.class));
			after.measure(out, "teacher", viewers.of(teacher.get(), RoleName.TEACHER));
			after.measure(out, "operator", viewers.of(operator.get(), RoleName.OPERATOR));
			after.measure(out, "admin", viewers.of(admin.get(), RoleName.ADMIN));
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("db cold-counts failed: " + ex.getMessage());
			return 1;
		}
	}

	private static void measure(PrintStream out, String who, Inbox inbox, Viewer viewer) {
		long count = 0;
		long best = Long.MAX_VALUE;
		for (int round = 0; round < ROUNDS; round++) {
			long started = System.nanoTime();
			count = inbox.unreadCount(viewer);
			best = Math.min(best, System.nanoTime() - started);
		}
		out.printf(Locale.ROOT, "%-8s unread %7d   best of %d: %8.2f ms%n", who, count, ROUNDS, best / 1e6);
	}

	/**
	 * The first count after a message on the person's desk, as the application answers it
	 * ({@link UnreadCounts}): their count is kept, a student writes in an open unassigned
	 * thread of their desk (one the inbox lists them, without a handler), and their count
	 * is asked again: how long it took, whether it was counted again in the database, and
	 * whether it is the count the database gives. The message stays (the benchmark runs
	 * this on its own copy of the data).
	 */
	private record AfterAMessage(JdbcClient jdbc, Viewers viewers, Inbox inbox, UnreadCounts counts, ThreadDesk desk,
			MeterRegistry meters) {

		void measure(PrintStream out, String who, Viewer viewer) {
			Optional<InboxRow> unassigned = this.inbox
				.page(viewer, new InboxFilter(ThreadStatus.OPEN, null, null, 1, 100))
				.rows()
				.stream()
				.filter((row) -> row.handlerName() == null)
				.findFirst();
			if (unassigned.isEmpty()) {
				out.printf(Locale.ROOT, "%-8s after a message on their desk: no open unassigned thread on it%n", who);
				return;
			}
			long thread = unassigned.get().id();
			long student = this.jdbc.sql("select student_id from otosapp_messagethread where id = :id")
				.param("id", thread)
				.query(Long.class)
				.single();
			this.counts.of(viewer);
			this.desk.reply(this.viewers.of(student, RoleName.STUDENT), thread, "db cold-counts: masih bingung", null,
					null);
			double missesBefore = misses();
			long started = System.nanoTime();
			long count = this.counts.of(viewer);
			long took = System.nanoTime() - started;
			boolean countedAgain = misses() > missesBefore;
			boolean right = count == this.inbox.unreadCount(viewer);
			out.printf(Locale.ROOT, "%-8s after a message on their desk: %8.2f ms, %s, %s%n", who, took / 1e6,
					countedAgain ? "counted again" : "brought up to date", right ? "right" : "WRONG");
		}

		private double misses() {
			Counter misses = this.meters.find("otos.unread.count.cache").tag("result", "miss").counter();
			return (misses != null) ? misses.count() : 0;
		}

	}

	private static Optional<Long> first(JdbcClient jdbc, String email) {
		return jdbc.sql("select id from otosapp_user where email like :email order by email limit 1")
			.param("email", email)
			.query(Long.class)
			.optional();
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
