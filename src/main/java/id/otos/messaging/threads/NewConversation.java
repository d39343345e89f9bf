package id.otos.messaging.threads;

/**
 * A conversation staff start with a student (a follow-up, a reminder): the student, the
 * title, type and priority, the first message, and the form's submission key.
 */
public record NewConversation(long studentId, String title, ThreadType type, Priority priority, String content,
		String submissionKey) {

}
