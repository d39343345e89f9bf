package id.otos.messaging.threads;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.seed.SeedCommand;
import id.otos.messaging.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite (its name matches no test pattern): times staff search and the
 * overview on the benchmark school ({@code db seed --scale}) in the embedded PostgreSQL,
 * as the services run them (their SQL, no HTTP); the seed writes the threads' response
 * times. Run it alone with
 * {@code mvn -q test -P '!install-squawk' -Dtest=InsightTiming -Dseed.scale=10 -Dtiming.runs=5}.
 */
class InsightTiming {

	/**
	 * Measured runs per figure ({@code -Dtiming.runs}), after three (one at scale 10)
	 * warm-up runs.
	 */
	private static final int RUNS = Integer.getInteger("timing.runs", 15);

	@Test
	void timesSearchAndOverview() {
		String database = TestDatabases.newPostgresDatabase("insight_timing");
		String scale = System.getProperty("seed.scale", "1");
		int exitCode = SeedCommand.run(MessagingApplication.class,
				new String[] { "db", "seed", "--scale=" + scale,
						"--spring.datasource.url=" + TestDatabases.postgresUrl(database),
						"--spring.datasource.username=postgres", "--spring.datasource.password=postgres" });
		assertThat(exitCode).isZero();
		DataSource dataSource = TestDatabases.postgresDataSource(database);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("analyze").update();
		Inbox inbox = new Inbox(jdbc, dataSource, Clock.systemUTC(), new SimpleMeterRegistry());
		Overview overview = new Overview(jdbc, Clock.systemUTC(), ZoneId.of("Asia/Jakarta"));
		Viewer admin = new Viewer(id(jdbc, "select min(id) from otosapp_user where email like 'admin%'"),
				RoleName.ADMIN, Set.of());
		long teacherId = id(jdbc, "select min(id) from otosapp_user where email like 'guru%'");
		Viewer teacher = new Viewer(teacherId, RoleName.TEACHER,
				Set.copyOf(jdbc.sql("select category_id from otosapp_category_teachers where user_id = :id")
					.param("id", teacherId)
					.query(Long.class)
					.list()));
		long threads = id(jdbc, "select count(*) from otosapp_messagethread");

		System.out.printf(Locale.ROOT, "scale %s: %,d threads, %,d messages%n", scale, threads,
				id(jdbc, "select count(*) from otosapp_message"));
		time("search, admin, a common word (page 1 of all matches)",
				() -> inbox.page(admin, new InboxFilter(null, null, "kabari", 1, 20)).total());
		time("search, admin, a word found nowhere",
				() -> inbox.page(admin, new InboxFilter(null, null, "zzzq", 1, 20)).total());
		time("search, teacher, a common word",
				() -> inbox.page(teacher, new InboxFilter(null, null, "kabari", 1, 20)).total());
		time("search, teacher, a word found nowhere",
				() -> inbox.page(teacher, new InboxFilter(null, null, "zzzq", 1, 20)).total());
		time("everything, admin, newest activity first",
				() -> inbox
					.page(admin,
							new InboxFilter(null, null, null, 1, 20,
									new StaffFilter(InboxScope.ALL, false, false, false, null, null, false, null,
											InboxOrder.ACTIVITY)))
					.total());
		time("overdue first, admin, everything",
				() -> inbox
					.page(admin,
							new InboxFilter(null, null, null, 1, 20,
									new StaffFilter(InboxScope.ALL, false, false, false, null, null, false, null,
											InboxOrder.URGENCY)))
					.total());
		time("overdue filter, admin",
				() -> inbox
					.page(admin,
							new InboxFilter(null, null, null, 1, 20,
									new StaffFilter(InboxScope.ALL, false, false, false, null, null, true, null,
											InboxOrder.URGENCY)))
					.total());
		time("overview, admin", () -> overview.of(admin).openTotal());
		time("overview, teacher", () -> overview.of(teacher).openTotal());
	}

	private static void time(String what, Supplier<Object> run) {
		for (int i = 0; i < ((RUNS < 15) ? 1 : 3); i++) {
			run.get();
		}
		List<Long> nanos = new ArrayList<>();
		Object result = null;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			result = run.get();
			nanos.add(System.nanoTime() - start);
		}
		nanos.sort(null);
		System.out.printf(Locale.ROOT, "TIMING %-55s median %7.1f ms, max %7.1f ms (result %s)%n", what,
				nanos.get(RUNS / 2) / 1e6, nanos.get(RUNS - 1) / 1e6, result);
	}

	private static long id(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
