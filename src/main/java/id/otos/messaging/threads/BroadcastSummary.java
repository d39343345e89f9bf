package id.otos.messaging.threads;

import java.time.Instant;

/**
 * One broadcast as its sender sees it: to whom ({@code targetKind}: all, category or
 * picked), how many students it reached, and how many of them replied.
 */
public record BroadcastSummary(long id, String title, String targetKind, Instant createdAt, int recipients,
		long replied, Long senderId, String senderName) {

	/** The message key naming the target. */
	public String targetMessageKey() {
		return "broadcast.target." + this.targetKind;
	}

}
