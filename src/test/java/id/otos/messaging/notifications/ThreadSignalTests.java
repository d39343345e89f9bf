package id.otos.messaging.notifications;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThreadSignalTests {

	@Test
	void aSignalCrossesTheBusAsItWasSent() {
		ThreadSignal posted = ThreadSignal.messagePosted(42, 4711);
		ThreadSignal changed = ThreadSignal.threadChanged(42);

		assertThat(ThreadSignal.decode(posted.encode())).isEqualTo(posted);
		assertThat(ThreadSignal.decode(changed.encode())).isEqualTo(changed);
		assertThat(posted.encode()).isEqualTo("42:message:4711");
	}

	@Test
	void theBrowserGetsIdsOnly() {
		assertThat(ThreadSignal.messagePosted(42, 4711).json())
			.isEqualTo("{\"thread\":42,\"kind\":\"message\",\"message\":4711}");
		assertThat(ThreadSignal.threadChanged(7).json()).isEqualTo("{\"thread\":7,\"kind\":\"changed\",\"message\":0}");
	}

	@Test
	void aPayloadThatIsNotASignalIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("hello"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("1:deleted:2"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("x:message:2"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode(null));
	}

}
