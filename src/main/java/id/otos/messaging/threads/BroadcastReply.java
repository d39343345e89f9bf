package id.otos.messaging.threads;

import java.time.Instant;

/** A student's thread of a broadcast that the student replied in. */
public record BroadcastReply(long threadId, String studentName, ThreadStatus status, Instant lastActivity,
		String preview) {

}
