package id.otos.messaging.accounts;

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
		assertThat(this.throttle.refusal(LoginName.of("siswa@otos.test"), ADDRESS)).isEmpty();

		fail("siswa@otos.test", 1);
		assertThat(this.throttle.refusal(LoginName.of("siswa@otos.test"), "10.9.9.9")).contains(Duration.ofMinutes(15));

		this.clock.move(Duration.ofMinutes(14).plusSeconds(59));
		assertThat(this.throttle.refusal(LoginName.of("siswa@otos.test"), ADDRESS)).contains(Duration.ofSeconds(1));

		this.clock.move(Duration.ofSeconds(1));
		assertThat(this.throttle.refusal(LoginName.of("siswa@otos.test"), ADDRESS)).isEmpty();
		fail("siswa@otos.test", 1);
		assertThat(this.throttle.refusal(LoginName.of("siswa@otos.test"), ADDRESS)).as("counting starts afresh")
			.isEmpty();
	}

	@Test
	void failuresFurtherApartThanTheWindowDoNotAddUp() {
		fail("siswa@otos.test", 4);
		this.clock.move(Duration.ofMinutes(15));
		fail("siswa@otos.test", 4);

		assertThat(this.throttle.refusal(LoginName.of("siswa@otos.test"), ADDRESS)).isEmpty();
	}

	@Test
	void anAccountIsItsLoginName() {
		fail("Siswa@OTOS.test", 2);
		fail(" siswa@otos.test ", 1);
		fail("si\u200Bswa\u0000@ｏｔｏｓ.test", 2);

		assertThat(this.throttle.refusal(LoginName.of("SISWA@otos.test"), "10.9.9.9")).isPresent();
	}

	@Test
	void anIpv6ClientIsItsSlash64Network() {
		for (int i = 1; i <= 20; i++) {
			this.throttle.failed(LoginName.of("tebak" + i + "@otos.test"),
					"2001:db8:1:2:" + Integer.toHexString(i) + "::1");
		}

		assertThat(this.throttle.refusal(LoginName.of("guru@otos.test"), "2001:db8:1:2:ffff:ffff:ffff:ffff"))
			.contains(Duration.ofMinutes(15));
		assertThat(this.throttle.refusal(LoginName.of("guru@otos.test"), "2001:0db8:0001:0002:0:0:0:9%eth0"))
			.as("the same network written otherwise")
			.isPresent();
		assertThat(this.throttle.refusal(LoginName.of("guru@otos.test"), "2001:db8:1:3::1")).isEmpty();
		assertThat(this.throttle.refusal(LoginName.of("guru@otos.test"), "10.1.2.3")).isEmpty();
	}

	@Test
	void waitsAreShownInWholeMinutesRoundedUp() {
		assertThat(LoginThrottle.minutes(Duration.ofSeconds(1))).isEqualTo(1);
		assertThat(LoginThrottle.minutes(Duration.ofSeconds(60))).isEqualTo(1);
		assertThat(LoginThrottle.minutes(Duration.ofSeconds(61))).isEqualTo(2);
		assertThat(LoginThrottle.minutes(Duration.ofMinutes(15))).isEqualTo(15);
	}

	@Test
	void aLogInForgetsTheAccountsFailuresButNotTheAddresss() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed(LoginName.of("siswa@otos.test"), ADDRESS);
		}
		this.throttle.succeeded(LoginName.of("siswa@otos.test"));
		fail("siswa@otos.test", 4);
		assertThat(this.throttle.refusal(LoginName.of("siswa@otos.test"), "10.9.9.9")).isEmpty();

		for (int i = 0; i < 12; i++) {
			this.throttle.failed(LoginName.of("other" + i + "@otos.test"), ADDRESS);
		}
		assertThat(this.throttle.refusal(LoginName.of("guru@otos.test"), ADDRESS)).as("20 failures from the address")
			.contains(Duration.ofMinutes(15));
		assertThat(this.throttle.refusal(LoginName.of("guru@otos.test"), "10.9.9.9")).isEmpty();
	}

	@Test
	void aNodeKeepsCountOfAtMostSoManyEmailsAndKeepsItsLocks() {
		LoginThrottle small = new LoginThrottle(
				new LoginProperties(5, 1000, Duration.ofMinutes(15), Duration.ofMinutes(15), 3), this.clock);
		for (int i = 0; i < 5; i++) {
			small.failed(LoginName.of("locked@otos.test"), ADDRESS);
		}

		for (int i = 0; i < 1000; i++) {
			small.failed(LoginName.of("random" + i + "@otos.test"), ADDRESS);
		}

		// at most 3 counts that lock nothing, and the two locks (the account and the
		// address)
		assertThat(small.tracked()).isLessThanOrEqualTo(3 + 2);
		assertThat(small.refusal(LoginName.of("locked@otos.test"), "10.9.9.9")).isPresent();
	}

	private void fail(String email, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(LoginName.of(email), ADDRESS);
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
