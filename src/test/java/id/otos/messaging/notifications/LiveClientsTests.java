package id.otos.messaging.notifications;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveClientsTests {

	final LiveClients clients = new LiveClients();

	@AfterEach
	void stop() {
		this.clients.stop();
	}

	@Test
	void countsTheOpenStreamsOfEveryone() {
		this.clients.connect(1);
		this.clients.connect(1);
		this.clients.connect(2);

		assertThat(this.clients.openConnections()).isEqualTo(3);
		assertThat(this.clients.connectedPeople()).containsExactlyInAnyOrder(1L, 2L);
	}

	@Test
	void disconnectingSomeoneEndsOnlyTheirStreams() {
		this.clients.connect(1);
		this.clients.connect(2);

		this.clients.disconnect(1);

		assertThat(this.clients.connectedPeople()).containsExactly(2L);
		assertThat(this.clients.openConnections()).isEqualTo(1);
	}

	@Test
	void stoppingEndsEveryStream() {
		this.clients.connect(1);
		this.clients.connect(2);

		this.clients.stop();

		assertThat(this.clients.openConnections()).isZero();
	}

}
