package id.otos.messaging.threads;

import java.util.List;

/**
 * An information thread for many students: each gets their own thread with the same title
 * and first message, so each student's reply stays private.
 */
public record Broadcast(String title, String content, Priority priority, List<Long> studentIds, Long categoryId,
		String submissionKey) {

	public Broadcast {
		studentIds = (studentIds != null) ? List.copyOf(studentIds) : List.of();
	}

}
