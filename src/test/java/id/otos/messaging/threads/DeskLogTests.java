package id.otos.messaging.threads;

import java.time.Duration;
import java.util.List;

import id.otos.messaging.threads.DeskLog.Posted;
import id.otos.messaging.threads.DeskLog.Position;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a shared desk's log gives to bring a kept count up to date, and when it refuses
 * (the count is then counted again).
 */
class DeskLogTests {

	private static final long DESK = DeskHolders.UNASSIGNED_FOR_STAFF;

	private final DeskLog log = new DeskLog("test", 10, Duration.ofMinutes(30), new SimpleMeterRegistry());

	@Test
	void givesTheMessagesSinceAPositionInTheirOrderEachOnce() {
		Position empty = this.log.of(DESK);
		this.log.posted(DESK, posted(11));
		Position afterOne = this.log.of(DESK);
		this.log.posted(DESK, posted(12));
		this.log.posted(DESK, posted(11)); // the bus tells the node its own message again
		this.log.posted(DESK, posted(13));
		Position now = this.log.of(DESK);

		assertThat(this.log.between(empty, now)).hasValue(List.of(posted(11), posted(12), posted(13)));
		assertThat(this.log.between(afterOne, now)).hasValue(List.of(posted(12), posted(13)));
		assertThat(this.log.between(now, now)).hasValue(List.of());
		assertThat(now.generation()).isEqualTo(3);
	}

	@Test
	void refusesWhenTheMessagesSinceAreNoLongerAllKept() {
		this.log.posted(DESK, posted(1));
		Position old = this.log.of(DESK);
		for (int i = 2; i <= DeskLog.KEPT_MESSAGES + 1; i++) {
			this.log.posted(DESK, posted(i));
		}
		Position justKept = this.log.of(DESK);
		this.log.posted(DESK, posted(DeskLog.KEPT_MESSAGES + 2));

		assertThat(this.log.between(justKept, this.log.of(DESK))).hasValue(List.of(posted(DeskLog.KEPT_MESSAGES + 2)));
		assertThat(this.log.between(old, this.log.of(DESK))).isEmpty();
	}

	@Test
	void refusesOnceEveryCountMayBeWrong() {
		this.log.posted(DESK, posted(1));
		Position before = this.log.of(DESK);
		this.log.posted(DESK, posted(2));
		Position now = this.log.of(DESK);

		this.log.movedForEveryone();

		assertThat(this.log.between(before, now)).isEmpty();
		assertThat(this.log.between(before, this.log.of(DESK))).isEmpty();
	}

	@Test
	void refusesAnotherDesksPositionAndOneFromTheFuture() {
		this.log.posted(DESK, posted(1));
		this.log.posted(DeskHolders.CLOSE_REQUESTS, posted(1));
		Position one = this.log.of(DESK);
		this.log.posted(DESK, posted(2));
		Position two = this.log.of(DESK);

		assertThat(this.log.between(this.log.of(DeskHolders.CLOSE_REQUESTS), two)).isEmpty();
		assertThat(this.log.between(two, one)).isEmpty();
	}

	private static Posted posted(long id) {
		return new Posted(id, 7, true);
	}

}
