package id.otos.messaging.notifications;

import java.util.Set;

import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.threads.DeskHolders;
import id.otos.messaging.threads.Viewer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThreadSignalTests {

	@Test
	void aSignalCrossesTheBusAsItWasSent() {
		ThreadSignal posted = ThreadSignal.messagePosted(42, 4711, 7);
		ThreadSignal changed = ThreadSignal.threadChanged(42, 7);
		ThreadSignal read = ThreadSignal.read(42, 9, 4711);
		ThreadSignal account = ThreadSignal.accountChanged(9);

		assertThat(ThreadSignal.decode(posted.encode())).isEqualTo(posted);
		assertThat(ThreadSignal.decode(changed.encode())).isEqualTo(changed);
		assertThat(ThreadSignal.decode(read.encode())).isEqualTo(read);
		assertThat(ThreadSignal.decode(account.encode())).isEqualTo(account);
		assertThat(posted.encode()).isEqualTo("42:message:4711:7");
	}

	@Test
	void aSignalOfANodeThatDoesNotSendThePersonReadsAsPersonUnknown() {
		assertThat(ThreadSignal.decode("42:message:4711")).isEqualTo(ThreadSignal.messagePosted(42, 4711, 0));
	}

	@Test
	void aMessagesSignalCarriesWhoseDesksHoldItsThread() {
		DeskHolders desks = new DeskHolders(7, Set.of(12L, 3L), Set.of(5L, DeskHolders.UNASSIGNED_FOR_STAFF));
		ThreadSignal posted = ThreadSignal.messagePosted(42, 4711, desks, false);

		assertThat(posted.encode()).isEqualTo("42:message:4711:7:7/3.12/-1.5");
		assertThat(ThreadSignal.decode(posted.encode())).isEqualTo(posted);
		assertThat(ThreadSignal.decode(posted.encode()).desks()).isEqualTo(desks);
		assertThat(ThreadSignal.decode("42:message:4711:7:7//").desks())
			.isEqualTo(new DeskHolders(7, Set.of(), Set.of()));
	}

	@Test
	void aMessageThatLeftItsThreadOnTheSameDesksSaysSoAmongTheSharedDesks() {
		DeskHolders desks = new DeskHolders(7, Set.of(), Set.of(DeskHolders.UNASSIGNED_FOR_STAFF));
		ThreadSignal posted = ThreadSignal.messagePosted(42, 4711, desks, true);

		assertThat(posted.encode()).isEqualTo("42:message:4711:7:7//-3.-1");
		assertThat(ThreadSignal.decode(posted.encode())).isEqualTo(posted);
		assertThat(ThreadSignal.decode(posted.encode()).desks()).isEqualTo(desks);
		assertThat(ThreadSignal.decode("42:message:4711:7:7//-1").desksStayed())
			.as("a node from before it: the desks may have moved")
			.isFalse();
		assertThat(DeskHolders.decode("7//-3.-1").sharedDesks()).as("what a node from before it reads")
			.containsExactlyInAnyOrder(ThreadSignal.DESKS_STAYED, DeskHolders.UNASSIGNED_FOR_STAFF);
		assertThat(DeskHolders.sharedDesksOf(new Viewer(1, RoleName.ADMIN, Set.of())))
			.as("the desks the most looked-at person looks at")
			.doesNotContain(ThreadSignal.DESKS_STAYED);
	}

	@Test
	void aSignalOfANodeThatDoesNotSendTheDesksReadsAsDesksUnknown() {
		assertThat(ThreadSignal.decode("42:message:4711:7").desks()).isNull();
	}

	@Test
	void desksThatAreNotDesksAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("42:message:4711:7:7/x/"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("42:message:4711:7:7/1"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("42:message:4711:7:7/1/2:9"));
	}

	@Test
	void readsStayOnTheServer() {
		assertThat(ThreadSignal.read(42, 9, 4711).isForBrowsers()).isFalse();
		assertThat(ThreadSignal.accountChanged(9).isForBrowsers()).isFalse();
		assertThat(ThreadSignal.messagePosted(42, 4711, 7).isForBrowsers()).isTrue();
		assertThat(ThreadSignal.threadChanged(42, 7).isForBrowsers()).isTrue();
	}

	@Test
	void theBrowserGetsIdsOnly() {
		assertThat(ThreadSignal.messagePosted(42, 4711, 7).json())
			.isEqualTo("{\"thread\":42,\"kind\":\"message\",\"message\":4711}");
		assertThat(ThreadSignal.threadChanged(7, 3).json())
			.isEqualTo("{\"thread\":7,\"kind\":\"changed\",\"message\":0}");
	}

	@Test
	void aPayloadThatIsNotASignalIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("hello"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("1:deleted:2"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode("x:message:2"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThreadSignal.decode(null));
	}

}
