package id.otos.messaging.threads;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import id.otos.messaging.accounts.RoleName;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

/**
 * The kept unread counts are bounded: with more people than the limit, at most the limit
 * is kept, evictions are in the metrics, and a count is still never stale after a change,
 * even when that change's stamp was dropped to make room.
 */
class UnreadCountsBoundTests {

	private static final int LIMIT = 50;

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicLong unread = new AtomicLong();

	private final UnreadCounts counts = new UnreadCounts(inbox(), this.meters, LIMIT);

	@Test
	void morePeopleThanTheLimitKeepNoMoreCountsThanTheLimit() {
		for (long id = 1; id <= 20 * LIMIT; id++) {
			this.counts.of(student(id));
		}

		assertThat(this.counts.kept()).isLessThanOrEqualTo(LIMIT);
		assertThat(this.meters.get("cache.evictions").tag("cache", "otos.unread.counts").functionCounter().count())
			.isGreaterThanOrEqualTo(19 * LIMIT);
		assertThat(this.meters.get("cache.size").tag("cache", "otos.unread.counts").gauge().value())
			.isLessThanOrEqualTo(LIMIT);
	}

	@Test
	void aChangeWhoseStampWasDroppedForRoomIsStillSeen() {
		this.unread.set(1);
		assertThat(this.counts.of(student(1))).isEqualTo(1);

		this.unread.set(2);
		this.counts.read(1);
		for (long id = 2; id <= 20 * LIMIT; id++) {
			this.counts.read(id);
		}

		assertThat(this.counts.of(student(1))).isEqualTo(2);
	}

	private Inbox inbox() {
		Inbox inbox = Mockito.mock(Inbox.class);
		Mockito.when(inbox.unreadCount(any())).thenAnswer((call) -> this.unread.get());
		return inbox;
	}

	private static Viewer student(long id) {
		return new Viewer(id, RoleName.STUDENT, Set.of());
	}

}
