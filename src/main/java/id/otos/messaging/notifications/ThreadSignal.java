package id.otos.messaging.notifications;

import java.util.Locale;

/**
 * That something happened to a thread: which thread, what kind of change, and the new
 * message if there is one ({@code 0} otherwise). Ids only, so it fits a PostgreSQL
 * notification and tells nobody anything they could not fetch with their own rights.
 */
record ThreadSignal(long threadId, Kind kind, long messageId) {

	static ThreadSignal messagePosted(long threadId, long messageId) {
		return new ThreadSignal(threadId, Kind.MESSAGE, messageId);
	}

	static ThreadSignal threadChanged(long threadId) {
		return new ThreadSignal(threadId, Kind.CHANGED, 0);
	}

	/** As a notification's payload: {@code threadId:kind:messageId}. */
	String encode() {
		return this.threadId + ":" + this.kind.code() + ":" + this.messageId;
	}

	/**
	 * The signal a payload of {@link #encode()} carries.
	 * @param payload the payload
	 * @return the signal
	 * @throws IllegalArgumentException if the payload is not one
	 */
	static ThreadSignal decode(String payload) {
		String[] parts = String.valueOf(payload).split(":");
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not a thread signal: " + payload);
		}
		try {
			return new ThreadSignal(Long.parseLong(parts[0]), Kind.of(parts[1]), Long.parseLong(parts[2]));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a thread signal: " + payload, ex);
		}
	}

	/** As the browser receives it (the event's data). */
	String json() {
		return "{\"thread\":" + this.threadId + ",\"kind\":\"" + this.kind.code() + "\",\"message\":" + this.messageId
				+ "}";
	}

	enum Kind {

		/** A message was posted. */
		MESSAGE,

		/** Status, assignment or priority changed. */
		CHANGED;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String code) {
			for (Kind kind : values()) {
				if (kind.code().equals(code)) {
					return kind;
				}
			}
			throw new IllegalArgumentException("Not a signal kind: " + code);
		}

	}

}
