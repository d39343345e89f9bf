package id.otos.messaging.threads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * An information thread for many students: each gets their own thread with the same title
 * and first message, so each student's reply stays private. The students are the picked
 * ones, every active student ({@code allStudents}), or those who have opened a thread in
 * the category.
 */
public record Broadcast(String title, String content, Priority priority, boolean allStudents, List<Long> studentIds,
		Long categoryId, String submissionKey) {

	public Broadcast {
		studentIds = (studentIds != null) ? List.copyOf(studentIds) : List.of();
	}

	/**
	 * Whom the broadcast is for, as recorded: {@code all} students, a {@code category}
	 * (only), or {@code picked} students (with or without a category's).
	 */
	String targetKind() {
		if (this.allStudents) {
			return "all";
		}
		return (this.categoryId != null && this.studentIds.isEmpty()) ? "category" : "picked";
	}

	/**
	 * The submission key of the message to one student: the form's key and the student
	 * together, hashed to 44 characters, so that a form key of any length the column
	 * takes ({@link Message#SUBMISSION_KEY_MAX}) still fits; {@code null} without a form
	 * key.
	 * @param studentId the student
	 * @return the key
	 */
	String submissionKeyFor(long studentId) {
		if (this.submissionKey == null || this.submissionKey.isBlank()) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((this.submissionKey + ":" + studentId).getBytes(StandardCharsets.UTF_8));
			return "b" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
