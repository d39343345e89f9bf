package id.otos.messaging.threads;

import java.time.Instant;

/**
 * How busy a handler is: threads still open or pending, and when they last got a new
 * thread.
 */
record HandlerLoad(long handlerId, long openThreads, Instant lastAssignedAt) {

	static HandlerLoad idle(long handlerId) {
		return new HandlerLoad(handlerId, 0, null);
	}

}
