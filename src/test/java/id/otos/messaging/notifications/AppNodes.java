package id.otos.messaging.notifications;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.support.DemoLogIn;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * App nodes started by a test as a real server would run them: the whole application on a
 * random port, on the PostgreSQL database at a JDBC URL, with the demo accounts (password
 * {@code DemoLogIn.PASSWORD}). Several nodes on one database behave as behind a load
 * balancer.
 */
final class AppNodes {

	private AppNodes() {
	}

	static ConfigurableApplicationContext start(String jdbcUrl, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--otos.demo.enabled=true", "--otos.demo.password=" + DemoLogIn.PASSWORD));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(MessagingApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	/** Where a started node answers, such as {@code http://127.0.0.1:41234}. */
	static String url(ConfigurableApplicationContext node) {
		return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
	}

}
