package id.otos.messaging.notifications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database serves one node: signals go round in-process, with the same rules
 * as between nodes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveFanOutH2Tests extends LiveFanOutChecks {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Override
	String nodeA() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	String nodeB() {
		return nodeA();
	}

	@Override
	ApplicationContext applicationA() {
		return this.application;
	}

	@org.junit.jupiter.api.Test
	void theEmbeddedDatabaseUsesTheInProcessBus() {
		assertThat(this.application.getBean(EventBus.class)).isInstanceOf(InProcessEventBus.class);
	}

}
