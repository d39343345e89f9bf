package id.otos.messaging.notifications;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
		a = node(database);
		b = node(database);
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
		return url(a);
	}

	@Override
	String nodeB() {
		return url(b);
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

	private static ConfigurableApplicationContext node(String database) {
		return new SpringApplicationBuilder(MessagingApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + TestDatabases.postgresUrl(database),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--otos.demo.enabled=true", "--otos.demo.password=" + PASSWORD);
	}

	private static String url(ConfigurableApplicationContext node) {
		return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
	}

}
