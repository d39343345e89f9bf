package id.otos.messaging.threads;

/**
 * What a student asks when opening a thread.
 */
public record NewThread(String title, ThreadType type, Long categoryId, Long teacherId, Priority priority,
		String content, String submissionKey) {

}
