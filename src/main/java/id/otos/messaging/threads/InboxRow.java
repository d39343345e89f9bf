package id.otos.messaging.threads;

import java.time.Instant;

/**
 * One line of the inbox: the thread, the other party, the last message's opening words,
 * how many messages the viewer has not read, and whether its student has waited longer
 * than the response target of its priority.
 */
public record InboxRow(long id, String title, ThreadType type, ThreadStatus status, Priority priority,
		String categoryName, String studentName, String handlerName, Instant lastActivity, String preview, long unread,
		boolean overdue) {

}
