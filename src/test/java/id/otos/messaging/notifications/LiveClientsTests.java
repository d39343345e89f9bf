package id.otos.messaging.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import id.otos.messaging.notifications.FakeStreams.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LiveClientsTests {

	static final ThreadSignal REPLY = ThreadSignal.messagePosted(42, 4711, 1);

	final FakeStreams fake = new FakeStreams(LiveProperties.defaults());

	final LiveClients clients = this.fake.clients();

	@AfterEach
	void stop() {
		this.clients.stop();
	}

	@Test
	void aStreamThatCannotStartIsAnsweredAndNeverCountedAsOpen() throws Exception {
		Connection broken = new Connection();
		broken.outputFails = true;
		broken.request.setSession(new MockHttpSession(null, "broken"));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.fake.clients().open(1, broken.request, broken.response));

		assertThat(this.clients.openConnections()).isZero();
		assertThat(this.clients.streamsOf(1)).isEmpty();
		assertThat(broken.request.isAsyncStarted()).as("the request still waits for an answer").isFalse();
		assertThat(broken.response.getStatus()).isEqualTo(503);
		assertThat(this.fake.open(1, "broken")).as("the person's next stream").isNotNull();
		assertThat(this.clients.openConnections()).isOne();
	}

	@Test
	void countsTheOpenStreamsOfEveryone() throws Exception {
		this.fake.open(1, "a");
		this.fake.open(1, "b");
		this.fake.open(2, "c");

		assertThat(this.clients.openConnections()).isEqualTo(3);
		assertThat(this.clients.connectedPeople()).containsExactlyInAnyOrder(1L, 2L);
	}

	@Test
	void aStreamStartsWithHelloAndTheBrowsersReconnectionDelay() throws Exception {
		Connection stream = this.fake.open(1, "a");

		assertThat(stream.written()).startsWith("retry: 1000\nevent: hello\nid: 1\ndata: {}\n\n");
		assertThat(stream.response.getContentType()).startsWith("text/event-stream");
		assertThat(stream.response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(stream.response.getHeader("X-Accel-Buffering")).isEqualTo("no");
		assertThat(stream.response.getHeader("Connection")).isEqualTo("close");
	}

	@Test
	void disconnectingSomeoneEndsOnlyTheirStreamsWithoutABye() throws Exception {
		Connection mine = this.fake.open(1, "a");
		Connection theirs = this.fake.open(2, "b");

		this.clients.disconnect(1);

		assertThat(this.clients.connectedPeople()).containsExactly(2L);
		assertThat(this.clients.openConnections()).isEqualTo(1);
		assertThat(mine.ended()).isTrue();
		assertThat(mine.written()).doesNotContain("bye");
		assertThat(theirs.ended()).isFalse();
	}

	@Test
	void stoppingEndsEveryStream() throws Exception {
		Connection one = this.fake.open(1, "a");
		Connection two = this.fake.open(2, "b");

		this.clients.stop();

		assertThat(this.clients.openConnections()).isZero();
		assertThat(one.ended()).isTrue();
		assertThat(two.ended()).isTrue();
	}

	@Test
	void aSessionsFourthStreamClosesItsOldestWhichIsToldWhy() throws Exception {
		Connection oldest = this.fake.open(1, "a");
		Connection second = this.fake.open(1, "a");
		Connection third = this.fake.open(1, "a");

		Connection fourth = this.fake.open(1, "a");

		assertThat(fourth).isNotNull();
		assertThat(oldest.ended()).isTrue();
		assertThat(oldest.events()).last().isEqualTo("bye 2 {\"reason\":\"replaced\"}");
		assertThat(List.of(second, third, fourth)).noneMatch(Connection::ended);
		assertThat(this.clients.openConnections()).isEqualTo(3);
		assertThat(this.fake.dropped("replaced")).isOne();
	}

	@Test
	void aPersonsNinthStreamClosesTheirOldestWhateverItsSession() throws Exception {
		List<Connection> streams = new ArrayList<>();
		for (String session : List.of("a", "b", "c", "d")) {
			streams.add(this.fake.open(1, session));
			streams.add(this.fake.open(1, session));
		}

		Connection ninth = this.fake.open(1, "e");

		assertThat(ninth).isNotNull();
		assertThat(streams.get(0).ended()).isTrue();
		assertThat(streams.subList(1, 8)).noneMatch(Connection::ended);
		assertThat(this.clients.openConnections()).isEqualTo(8);
	}

	@Test
	void thousandsOfStreamsFromOneSessionNeverHoldMoreThanItsShare() throws Exception {
		List<Connection> streams = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			streams.add(this.fake.open(1, "a"));
			assertThat(this.clients.openConnections()).isLessThanOrEqualTo(3);
		}

		assertThat(streams.subList(0, 2997)).allMatch(Connection::ended);
		assertThat(streams.subList(2997, 3000)).noneMatch(Connection::ended);
	}

	@Test
	void overTheNodesCapAStreamIsRefusedAndNobodyElsesIsClosed() throws Exception {
		FakeStreams small = new FakeStreams(new LiveProperties(1, 8, 4, DataSize.ofKilobytes(8), Duration.ofSeconds(10),
				Duration.ofSeconds(20), Duration.ofMinutes(30)));
		List<Connection> open = List.of(small.open(1, "a"), small.open(2, "b"), small.open(3, "c"), small.open(4, "d"));

		Connection refused = small.open(5, "e");

		assertThat(refused).isNull();
		assertThat(open).noneMatch(Connection::ended);
		assertThat(small.dropped("refused")).isOne();
		assertThat(small.open(4, "d")).as("a stream that takes the place of the session's own still fits").isNotNull();
		assertThat(open.get(3).ended()).isTrue();
		small.clients().disconnect(1);
		assertThat(small.open(5, "e")).as("once a stream has ended there is room").isNotNull();
		assertThat(small.clients().openConnections()).isEqualTo(4);
		small.clients().stop();
	}

	@Test
	void theNodesCapLeavesAQuarterOfTheWebServersConnectionsForEverythingElse() {
		assertThat(LiveProperties.defaults().nodeCap(14000)).as("the defaults").isEqualTo(10000);
		assertThat(LiveProperties.defaults().nodeCap(8192)).isEqualTo(6144);
		assertThat(LiveProperties.defaults().nodeCap(2000)).isEqualTo(1500);
		assertThat(LiveProperties.defaults().nodeCap(1)).isEqualTo(1);
	}

	@Test
	void eventIdsAreNumberedPerStream() throws Exception {
		Connection busy = this.fake.open(1, "a");
		Connection quiet = this.fake.open(2, "b");
		for (int i = 0; i < 5; i++) {
			this.clients.send(1, REPLY);
		}

		this.clients.send(2, REPLY);

		assertThat(busy.events()).last().asString().startsWith("thread 6 ");
		assertThat(quiet.events()).containsExactly("hello 1 {}",
				"thread 2 {\"thread\":42,\"kind\":\"message\",\"message\":4711}");
	}

	@Test
	void aReaderThatStopsReadingIsDroppedOnceItsOutboxWouldOverflowAndDelaysNobody() throws Exception {
		Connection stalled = this.fake.open(1, "a");
		Connection reading = this.fake.open(2, "b");
		stalled.stall();
		int sent = 0;
		while (this.clients.connectedPeople().contains(1L)) {
			this.clients.send(1, REPLY);
			this.clients.send(2, REPLY);
			sent++;
		}

		assertThat(sent).as("events that fit the 8 KB outbox").isBetween(8192 / 100, 8192 / 60 + 1);
		assertThat(this.clients.openConnections()).isOne();
		assertThat(reading.events()).hasSize(sent + 1).last().asString().startsWith("thread " + (sent + 1) + " ");
		assertThat(reading.ended()).isFalse();
		assertThat(this.fake.dropped("stalled")).isOne();
	}

	@Test
	void aSlowReaderThatCatchesUpGetsEverythingInOrder() throws Exception {
		Connection slow = this.fake.open(1, "a");
		slow.stall();
		for (int i = 0; i < 20; i++) {
			this.clients.send(1, REPLY);
		}
		assertThat(slow.events()).containsExactly("hello 1 {}");

		slow.resume();

		assertThat(slow.events()).hasSize(21)
			.extracting((event) -> event.split(" ")[1])
			.containsSequence("1", "2", "3");
		assertThat(slow.events()).last().asString().startsWith("thread 21 ");
		assertThat(this.clients.openConnections()).isOne();
	}

	@Test
	void aStreamWhoseConnectionTakesNothingForTheStallTimeoutIsDropped() throws Exception {
		Connection stalled = this.fake.open(1, "a");
		Connection idle = this.fake.open(2, "b");
		stalled.stall();
		this.clients.send(1, REPLY);
		long now = System.nanoTime();

		this.clients.sweep(now + Duration.ofSeconds(9).toNanos());
		assertThat(stalled.ended()).as("within the stall timeout").isFalse();
		this.clients.sweep(now + Duration.ofSeconds(11).toNanos());

		assertThat(this.clients.connectedPeople()).containsExactly(2L);
		assertThat(idle.ended()).as("a stream that is only quiet").isFalse();
	}

	@Test
	void aDroppedStreamIsCompletedOnceItsConnectionTakesWhatItHoldsOrFails() throws Exception {
		Connection slow = this.fake.open(1, "a");
		Connection gone = this.fake.open(2, "b");
		slow.stall();
		gone.stall();
		while (!this.clients.connectedPeople().isEmpty()) {
			this.clients.send(1, REPLY);
			this.clients.send(2, REPLY);
		}
		assertThat(List.of(slow, gone)).as("completing a response whose bytes are pending is left to the container")
			.noneMatch(Connection::ended);

		slow.resume();
		gone.out.listener.onError(new java.io.IOException("Connection reset by peer"));

		assertThat(slow.ended()).isTrue();
		assertThat(gone.ended()).isTrue();
		assertThat(slow.written()).doesNotContain("bye");
	}

	@Test
	void idleStreamsGetAHeartbeat() throws Exception {
		Connection idle = this.fake.open(1, "a");

		this.clients.sweep(System.nanoTime() + Duration.ofSeconds(21).toNanos());

		assertThat(idle.written()).endsWith("\n\n:\n\n");
	}

	@Test
	void aStreamEndsWhenItsSessionWouldExpireOrAtTheLatestAfterItsLifetime() throws Exception {
		long now = System.nanoTime();
		Connection shortSession = this.fake.open(1, "a", Duration.ofMinutes(5));
		Connection longSession = this.fake.open(2, "b", Duration.ofHours(8));

		this.clients.sweep(now + Duration.ofMinutes(4).toNanos());
		assertThat(shortSession.ended()).isFalse();
		this.clients.sweep(now + Duration.ofMinutes(5).plusSeconds(1).toNanos());
		assertThat(shortSession.ended()).isTrue();
		assertThat(shortSession.written()).as("the browser reconnects, and is refused if the session is over")
			.doesNotContain("bye");
		assertThat(longSession.ended()).isFalse();
		this.clients.sweep(now + Duration.ofMinutes(30).plusSeconds(1).toNanos());
		assertThat(longSession.ended()).isTrue();
	}

	@Test
	void aStreamWhoseConnectionFailedIsForgotten() throws Exception {
		Connection failed = this.fake.open(1, "a");

		failed.out.listener.onError(new java.io.IOException("Broken pipe"));

		assertThat(this.clients.openConnections()).isZero();
		assertThat(failed.ended()).isTrue();
	}

	@Test
	void aStreamWhoseSessionEndedIsToldSo() throws Exception {
		Connection stream = this.fake.open(1, "a");

		this.clients.sessionEnded(this.clients.streamsOf(1).get(0));

		assertThat(stream.events()).last().isEqualTo("bye 2 {\"reason\":\"ended\"}");
		assertThat(stream.ended()).isTrue();
		assertThat(this.fake.dropped("ended")).isOne();
	}

}
