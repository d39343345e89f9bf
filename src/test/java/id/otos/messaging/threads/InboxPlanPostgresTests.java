package id.otos.messaging.threads;

import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.seed.SeedCommand;
import id.otos.messaging.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox page as PostgreSQL runs it once the driver has prepared its statement: one
 * plan for every value (a generic plan), which is what a busy node gets. A teacher's page
 * reads about the threads of the teacher's desk, not every thread of the school: with its
 * candidates' limit bound as a parameter, PostgreSQL took it for a tenth of the rows and
 * walked every thread backwards by activity instead; and without an index on the
 * unassigned threads of a category it intersected every unassigned thread of the school
 * with every academic thread of the category (the teacher's inbox, issue 15).
 */
class InboxPlanPostgresTests {

	@Test
	void aTeachersPageReadsTheDeskNotEveryThread() {
		String database = TestDatabases.newPostgresDatabase("inbox_plan");
		int exitCode = SeedCommand.run(MessagingApplication.class,
				new String[] { "db", "seed", "--students=500", "--teachers=40", "--threads=20000", "--messages=20000",
						"--spring.datasource.url=" + TestDatabases.postgresUrl(database),
						"--spring.datasource.username=postgres", "--spring.datasource.password=postgres" });
		assertThat(exitCode).isZero();
		String url = TestDatabases.postgresUrl(database);
		SingleConnectionDataSource source = new SingleConnectionDataSource(
				url + (url.contains("?") ? "&" : "?") + "prepareThreshold=1", "postgres", "postgres", true);
		try {
			JdbcClient jdbc = JdbcClient.create(source);
			jdbc.sql("analyze").update();
			jdbc.sql("set plan_cache_mode = force_generic_plan").update();
			long teacher = jdbc.sql("""
					select u.id from otosapp_user u join otosapp_role r on r.id = u.role_id
					where r.role_name = 'Teacher' order by u.id limit 1""").query(Long.class).single();
			Set<Long> taught = new HashSet<>(
					jdbc.sql("select category_id from otosapp_category_teachers where user_id = :me")
						.param("me", teacher)
						.query(Long.class)
						.list());
			Viewer viewer = new Viewer(teacher, RoleName.TEACHER, taught);
			DeskQuery desk = DeskQuery.of(viewer);
			long onDesk = jdbc.sql("select count(*) from otosapp_messagethread t where " + desk.condition())
				.params(desk.parameters())
				.query(Long.class)
				.single();
			long threads = jdbc.sql("select count(*) from otosapp_messagethread").query(Long.class).single();
			Inbox inbox = new Inbox(jdbc, source, Clock.systemUTC(), new SimpleMeterRegistry());

			Reads reads = readsOf(source, jdbc, () -> inbox.page(viewer, new InboxFilter(null, null, null, 1, 20)));

			assertThat(onDesk).as("threads on the teacher's desk").isPositive().isLessThan(threads / 10);
			assertThat(reads.rows()).as("thread rows read for a page of a desk of %d threads among %d", onDesk, threads)
				.isLessThanOrEqualTo(3 * onDesk + 100);
			assertThat(reads.indexEntries())
				.as("entries of the threads' indexes read for a page of a desk of %d threads among %d", onDesk, threads)
				.isLessThanOrEqualTo(3 * onDesk + 100);
		}
		finally {
			source.destroy();
		}
	}

	/**
	 * What the work reads of otosapp_messagethread, as PostgreSQL counts it: the counts
	 * before and after, in one transaction (a backend flushes its counts between
	 * transactions, never within one).
	 */
	private static Reads readsOf(DataSource source, JdbcClient jdbc, Runnable work) {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(source));
		Reads reads = transaction.execute((status) -> {
			Reads before = reads(jdbc);
			work.run();
			Reads after = reads(jdbc);
			return new Reads(after.rows() - before.rows(), after.indexEntries() - before.indexEntries());
		});
		return Objects.requireNonNull(reads);
	}

	private static Reads reads(JdbcClient jdbc) {
		return jdbc.sql("""
				select (select coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0) from pg_stat_xact_user_tables
				        where relname = 'otosapp_messagethread') as rows,
				       (select coalesce(sum(pg_stat_get_xact_tuples_returned(i.indexrelid)), 0) from pg_index i
				        where i.indrelid = 'otosapp_messagethread'::regclass) as index_entries""")
			.query((rs, row) -> new Reads(rs.getLong("rows"), rs.getLong("index_entries")))
			.single();
	}

	/**
	 * @param rows table rows read (by a scan, or fetched through an index)
	 * @param indexEntries index entries read
	 */
	private record Reads(long rows, long indexEntries) {
	}

}
