package id.otos.messaging.threads;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A thread as its page shows it to one viewer: the thread, its messages in order, what
 * the viewer may do, and (for those who may see it) the audit log.
 */
public record ThreadView(long id, String title, ThreadType type, ThreadStatus status, Priority priority,
		Long categoryId, String categoryName, long studentId, String studentName, Long handlerId, String handlerName,
		Instant createdAt, Instant closeRequestedAt, Instant closedAt, Instant reopenedAt, List<MessageView> messages,
		List<AuditView> audit, Set<ThreadAction> allowed) {

	public boolean may(String action) {
		return this.allowed.contains(ThreadAction.valueOf(action));
	}

	/** One message, with what the page needs to show its sender. */
	public record MessageView(long id, long senderId, String senderName, String senderRoleKey, String senderPicture,
			String content, String attachmentName, boolean attachmentIsImage, Instant createdAt, boolean mine) {

	}

	/** One line of the audit log. */
	public record AuditView(String actorName, String action, String fromValue, String toValue, String note,
			Instant at) {

	}

}
