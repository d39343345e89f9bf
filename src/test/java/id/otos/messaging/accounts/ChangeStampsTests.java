package id.otos.messaging.accounts;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value kept at a person's stamp is used only while the stamp has not moved, even when
 * the stamp was dropped in between (nobody changed for {@code forgottenAfter}) and moved
 * again as often as before.
 */
class ChangeStampsTests {

	private static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(30);

	private final AtomicLong nanos = new AtomicLong();

	private final ChangeStamps stamps = new ChangeStamps("test", 100, FORGOTTEN_AFTER, new SimpleMeterRegistry(),
			this.nanos::get);

	@Test
	void eachChangeMovesTheStamp() {
		ChangeStamps.Stamp before = this.stamps.of(7);
		this.stamps.moved(7);
		ChangeStamps.Stamp once = this.stamps.of(7);
		this.stamps.moved(7);

		assertThat(once).isNotEqualTo(before);
		assertThat(this.stamps.of(7)).isNotEqualTo(once).isNotEqualTo(before);
		assertThat(this.stamps.of(8)).as("another person's").isEqualTo(this.stamps.of(8));
	}

	@Test
	void aStampDroppedAndMovedAgainNeverComesBackToAValueKeptBefore() {
		for (int i = 0; i < 3; i++) {
			this.stamps.moved(7);
		}
		// a value is kept at this stamp 25 minutes after its last change (it is used up
		// to
		// 10 minutes), then the stamp is dropped and the person changes three times again
		this.nanos.addAndGet(TimeUnit.MINUTES.toNanos(25));
		ChangeStamps.Stamp kept = this.stamps.of(7);
		this.nanos.addAndGet(TimeUnit.MINUTES.toNanos(6));
		assertThat(this.stamps.kept()).as("the stamp is dropped").isZero();
		for (int i = 0; i < 3; i++) {
			this.stamps.moved(7);
		}

		assertThat(this.stamps.of(7)).isNotEqualTo(kept);
	}

}
