package id.otos.messaging.threads;

import java.time.Duration;
import java.util.List;

import id.otos.messaging.threads.UsualWait.Unit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Usually answered within" never promises more than the desk does: the median is rounded
 * up, and it is said only with enough threads, counting those still waiting.
 */
class UsualWaitTests {

	@Test
	void theMedianIsRoundedUpToQuartersHoursOrDays() {
		assertThat(UsualWait.roundedUp(Duration.ofSeconds(20))).isEqualTo(new UsualWait(15, Unit.MINUTES));
		assertThat(UsualWait.roundedUp(Duration.ofMinutes(16))).isEqualTo(new UsualWait(30, Unit.MINUTES));
		assertThat(UsualWait.roundedUp(Duration.ofMinutes(59))).isEqualTo(new UsualWait(60, Unit.MINUTES));
		assertThat(UsualWait.roundedUp(Duration.ofMinutes(61))).isEqualTo(new UsualWait(2, Unit.HOURS));
		assertThat(UsualWait.roundedUp(Duration.ofHours(23).plusMinutes(1))).isEqualTo(new UsualWait(1, Unit.DAYS));
		assertThat(UsualWait.roundedUp(Duration.ofHours(49))).isEqualTo(new UsualWait(3, Unit.DAYS));
	}

	@Test
	void fewerThanFiveThreadsSayNothing() {
		List<Duration> four = hours(1, 2, 3, 4);
		assertThat(ResponseTimes.median(four, List.of())).isEmpty();
		assertThat(ResponseTimes.median(hours(1, 2, 3, 4, 5), List.of())).contains(Duration.ofHours(3));
	}

	@Test
	void threadsStillWaitingLongerThanTheMedianMakeItLonger() {
		List<Duration> answered = hours(1, 1, 1, 2, 2);
		assertThat(ResponseTimes.median(answered, hours(10, 10, 10, 10, 10))).contains(Duration.ofHours(6));
		assertThat(ResponseTimes.median(answered, hours(10, 10, 10, 10, 10, 10))).contains(Duration.ofHours(10));
		assertThat(ResponseTimes.median(answered, List.of(Duration.ofMinutes(5))))
			.as("a thread opened minutes ago says nothing yet")
			.contains(Duration.ofHours(1));
		assertThat(ResponseTimes.median(hours(1, 1, 1, 1), hours(9)))
			.as("four answered and one long wait: five threads")
			.contains(Duration.ofHours(1));
	}

	private static List<Duration> hours(long... values) {
		return java.util.Arrays.stream(values).mapToObj(Duration::ofHours).toList();
	}

}
