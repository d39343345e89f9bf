package id.otos.messaging.threads;

import java.time.Instant;

/**
 * A status change of a thread as its audit log recorded it.
 */
public record StatusChange(long auditId, long threadId, String title, ThreadStatus from, ThreadStatus to, Instant at) {

	/** A resolved or closed thread made open or pending again. */
	public boolean reopened() {
		return (this.from == ThreadStatus.RESOLVED || this.from == ThreadStatus.CLOSED)
				&& (this.to == ThreadStatus.OPEN || this.to == ThreadStatus.PENDING);
	}

}
