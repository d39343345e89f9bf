package id.otos.messaging.threads;

import java.time.Duration;
import java.util.Locale;

/**
 * "Usually answered within …", rounded up so that it never promises more than the desk
 * does: up to an hour in quarters of an hour, up to a day in hours, beyond in days.
 */
public record UsualWait(long amount, Unit unit) {

	public enum Unit {

		MINUTES, HOURS, DAYS

	}

	public static UsualWait roundedUp(Duration median) {
		long minutes = Math.max(1, ceilDiv(median.toSeconds(), 60));
		if (minutes < 60) {
			return new UsualWait(ceilDiv(minutes, 15) * 15, Unit.MINUTES);
		}
		long hours = ceilDiv(minutes, 60);
		if (hours < 24) {
			return new UsualWait(hours, Unit.HOURS);
		}
		return new UsualWait(ceilDiv(hours, 24), Unit.DAYS);
	}

	/** The message key of the text, with {@link #amount()} as its argument. */
	public String messageKey() {
		return "usual-wait." + this.unit.name().toLowerCase(Locale.ROOT);
	}

	private static long ceilDiv(long dividend, long divisor) {
		return (dividend + divisor - 1) / divisor;
	}

}
