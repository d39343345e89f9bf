package id.otos.messaging.notifications;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.support.TestDatabases;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes in one test run against one PostgreSQL database, as behind a load
 * balancer: sessions in the database, signals through {@code LISTEN/NOTIFY}.
 */
class TwoNodesPostgresTests extends LiveFanOutChecks {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoNodes() {
		String database = TestDatabases.newPostgresDatabase("two_nodes");
		a = AppNodes.start(TestDatabases.postgresUrl(database));
		b = AppNodes.start(TestDatabases.postgresUrl(database));
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

	@Override
	String nodeA() {
		return AppNodes.url(a);
	}

	@Override
	String nodeB() {
		return AppNodes.url(b);
	}

	@Override
	ApplicationContext applicationA() {
		return a;
	}

	@Test
	void bothNodesUseThePostgresBus() {
		assertThat(a.getBean(EventBus.class)).isInstanceOf(PostgresEventBus.class);
		assertThat(b.getBean(EventBus.class)).isInstanceOf(PostgresEventBus.class);
	}

	@Test
	void aPersonLoggedInOnNodeAIsLoggedInOnNodeB() {
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);

		var onB = student.get(nodeB() + "/messages/");

		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("id=\"logout\"");
		assertThat(new HttpVisitor().get(nodeB() + "/messages/").statusCode()).as("without the session").isEqualTo(302);
	}

	@Test
	void loggingOutOnNodeBEndsTheSessionOnNodeA() {
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		String session = student.session();
		String page = student.get(nodeB() + "/messages/").body();

		assertThat(student.post(nodeB() + "/logout", java.util.Map.of("_csrf", HttpVisitor.csrf(page))).statusCode())
			.isEqualTo(302);

		assertThat(session).isNotNull();
		assertThat(student.get(nodeA() + "/messages/").statusCode()).isEqualTo(302);
	}

	/**
	 * Node A keeps the session it read between requests (no statement per request); a
	 * log-out on node B reaches A as a signal and ends the kept session there too, long
	 * before the kept copy would expire on its own ({@code otos.sessions.kept-for}, 10
	 * s).
	 */
	@Test
	void aSessionKeptOnNodeAEndsThereAsSoonAsItsPersonLogsOutOnNodeB() throws InterruptedException {
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa2@otos.test", PASSWORD);
		HttpVisitor copiedCookie = student.sameSession();
		assertThat(student.get(nodeA() + "/api/me/").statusCode()).as("read and kept on A").isEqualTo(200);
		assertThat(copiedCookie.get(nodeA() + "/api/me/").statusCode()).as("answered from A's copy").isEqualTo(200);
		String page = student.get(nodeB() + "/messages/").body();

		assertThat(student.post(nodeB() + "/logout", java.util.Map.of("_csrf", HttpVisitor.csrf(page))).statusCode())
			.isEqualTo(302);

		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(2).toNanos();
		int status = copiedCookie.get(nodeA() + "/api/me/").statusCode();
		while (status == 200 && System.nanoTime() < deadline) {
			Thread.sleep(20);
			status = copiedCookie.get(nodeA() + "/api/me/").statusCode();
		}
		assertThat(status).as("the copied cookie on A within 2 s of the log-out on B").isEqualTo(401);
	}

	@Test
	void aNodeWhoseListenerConnectionDiesListensAgainAndTellsItsPagesToCatchUp() throws Exception {
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		try (EventStream events = student.events(nodeA())) {
			assertThat(events.next("hello", ARRIVAL)).isNotNull();

			int ended = a.getBean(JdbcClient.class).sql("""
					select count(pg_terminate_backend(pid)) from pg_stat_activity
					where application_name = ? and datname = current_database()
					""").param("otos-live-listener").query(Integer.class).single();
			assertThat(ended).as("both nodes' listener connections ended").isEqualTo(2);

			assertThat(events.next("hello", ARRIVAL)).as("the page is told to fetch again").isNotNull();
			long thread = openQuestionOnB("Setelah sambungan putus");
			EventStream.Event event = events.next("thread", ARRIVAL);
			assertThat(event).as("signals flow again").isNotNull();
			assertThat(event.isAbout(thread)).isTrue();
		}
	}

	private static long openQuestionOnB(String title) {
		JdbcClient jdbc = b.getBean(JdbcClient.class);
		long student = jdbc.sql("select id from otosapp_user where email = 'siswa1@otos.test'")
			.query(Long.class)
			.single();
		long category = jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
		return b.getBean(ThreadDesk.class)
			.open(b.getBean(Viewers.class).of(b.getBean(Accounts.class).currentUser(student).orElseThrow()),
					new NewThread(title, ThreadType.ACADEMIC, category, null, Priority.NORMAL, "Masih sampai?", null),
					null);
	}

}
