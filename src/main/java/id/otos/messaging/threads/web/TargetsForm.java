package id.otos.messaging.threads.web;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import id.otos.messaging.threads.Priority;

/**
 * The response targets as typed, in whole hours per priority.
 */
public record TargetsForm(String urgent, String high, String normal, String low) {

	static TargetsForm of(Map<Priority, Duration> targets) {
		return new TargetsForm(hours(targets, Priority.URGENT), hours(targets, Priority.HIGH),
				hours(targets, Priority.NORMAL), hours(targets, Priority.LOW));
	}

	/** The typed hours; a value that is not a whole number is absent. */
	Map<Priority, Integer> toHours() {
		Map<Priority, Integer> hours = new EnumMap<>(Priority.class);
		put(hours, Priority.URGENT, this.urgent);
		put(hours, Priority.HIGH, this.high);
		put(hours, Priority.NORMAL, this.normal);
		put(hours, Priority.LOW, this.low);
		return hours;
	}

	public String of(Priority priority) {
		return switch (priority) {
			case URGENT -> this.urgent;
			case HIGH -> this.high;
			case NORMAL -> this.normal;
			case LOW -> this.low;
		};
	}

	private static void put(Map<Priority, Integer> hours, Priority priority, String typed) {
		FormValues.parse(typed, Integer::valueOf).ifPresent((value) -> hours.put(priority, value));
	}

	private static String hours(Map<Priority, Duration> targets, Priority priority) {
		Duration target = targets.get(priority);
		return (target != null) ? Long.toString(target.toHours()) : "";
	}

}
