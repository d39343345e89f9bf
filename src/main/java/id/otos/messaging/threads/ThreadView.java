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

	/**
	 * One message, with what the page needs to show its sender; {@code unread} when the
	 * viewer had not read it before this view (someone else's, past their read position):
	 * the thread page opens at the first such message.
	 */
	public record MessageView(long id, long senderId, String senderName, String senderRoleKey, String senderPicture,
			String content, String attachmentName, boolean attachmentIsImage, Instant createdAt, boolean mine,
			boolean unread) {

	}

	/**
	 * One line of the audit log as stored (codes and ids), with the names of the people
	 * it names: the actor ({@code null} for a move routing made by itself), and for an
	 * assignment or routing the handlers before and after ({@code null} for nobody).
	 */
	public record AuditView(String actorName, String action, String fromValue, String toValue, String note, Instant at,
			String fromName, String toName) {

		/** Whether it is a move between people (assignment or routing), not of a code. */
		public boolean isAboutPeople() {
			return "assignment".equals(this.action) || "routed".equals(this.action) || "rerouted".equals(this.action);
		}

	}

}
