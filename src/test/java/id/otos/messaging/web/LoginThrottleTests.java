package id.otos.messaging.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting and the locks of {@link LoginThrottle}, on a clock the test moves.
 */
class LoginThrottleTests {

	private static final String ADDRESS = "10.1.2.3";

	private final MovingClock clock = new MovingClock();

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginProperties(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), 100_000), this.clock);

	@Test
	void theFifthFailureLocksTheAccountForFifteenMinutesThenTheLockEnds() {
		fail("siswa@otos.test", 4);
		assertThat(this.throttle.refusal("siswa@otos.test", ADDRESS)).isEmpty();

		fail("siswa@otos.test", 1);
		assertThat(this.throttle.refusal("siswa@otos.test", "10.9.9.9")).contains(Duration.ofMinutes(15));

		this.clock.move(Duration.ofMinutes(14).plusSeconds(59));
		assertThat(this.throttle.refusal("siswa@otos.test", ADDRESS)).contains(Duration.ofSeconds(1));

		this.clock.move(Duration.ofSeconds(1));
		assertThat(this.throttle.refusal("siswa@otos.test", ADDRESS)).isEmpty();
		fail("siswa@otos.test", 1);
		assertThat(this.throttle.refusal("siswa@otos.test", ADDRESS)).as("counting starts afresh").isEmpty();
	}

	@Test
	void failuresFurtherApartThanTheWindowDoNotAddUp() {
		fail("siswa@otos.test", 4);
		this.clock.move(Duration.ofMinutes(15));
		fail("siswa@otos.test", 4);

		assertThat(this.throttle.refusal("siswa@otos.test", ADDRESS)).isEmpty();
	}

	@Test
	void anAccountIsTheEmailIgnoringCaseAndSpaces() {
		fail("Siswa@OTOS.test", 3);
		fail(" siswa@otos.test ", 2);

		assertThat(this.throttle.refusal("SISWA@otos.test", "10.9.9.9")).isPresent();
	}

	@Test
	void aLogInForgetsTheAccountsFailuresButNotTheAddresss() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("siswa@otos.test", ADDRESS);
		}
		this.throttle.succeeded("siswa@otos.test");
		fail("siswa@otos.test", 4);
		assertThat(this.throttle.refusal("siswa@otos.test", "10.9.9.9")).isEmpty();

		for (int i = 0; i < 12; i++) {
			this.throttle.failed("other" + i + "@otos.test", ADDRESS);
		}
		assertThat(this.throttle.refusal("guru@otos.test", ADDRESS)).as("20 failures from the address")
			.contains(Duration.ofMinutes(15));
		assertThat(this.throttle.refusal("guru@otos.test", "10.9.9.9")).isEmpty();
	}

	@Test
	void aNodeKeepsCountOfAtMostSoManyEmailsAndKeepsItsLocks() {
		LoginThrottle small = new LoginThrottle(
				new LoginProperties(5, 1000, Duration.ofMinutes(15), Duration.ofMinutes(15), 3), this.clock);
		for (int i = 0; i < 5; i++) {
			small.failed("locked@otos.test", ADDRESS);
		}

		for (int i = 0; i < 1000; i++) {
			small.failed("random" + i + "@otos.test", ADDRESS);
		}

		assertThat(small.tracked()).isLessThanOrEqualTo(3 + 1);
		assertThat(small.refusal("locked@otos.test", "10.9.9.9")).isPresent();
	}

	private void fail(String email, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(email, ADDRESS);
		}
	}

	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-11-24T08:00:00Z");

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
