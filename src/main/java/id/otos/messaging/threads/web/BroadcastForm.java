package id.otos.messaging.threads.web;

import java.util.List;
import java.util.Objects;

import id.otos.messaging.threads.Broadcast;
import id.otos.messaging.threads.Message;
import id.otos.messaging.threads.MessageThread;
import id.otos.messaging.threads.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The broadcast form: title, message, priority, and the students (all, picked, or by
 * category); {@code confirm} is the number of students the sender saw and confirmed.
 * Choices arrive as text, so a tampered value is a message on the form, not an error
 * page.
 */
public record BroadcastForm(
		@NotBlank(message = "{thread.error.title-required}") @Size(max = MessageThread.TITLE_MAX,
				message = "{thread.error.title-too-long}") String title,
		@NotBlank(message = "{thread.error.content-required}") @Size(max = Message.CONTENT_MAX,
				message = "{thread.error.content-too-long}") String content,
		String priority, @BindParam("all_students") String allStudents, List<String> students, String category,
		@Size(max = Message.SUBMISSION_KEY_MAX,
				message = "{form.error.stale}") @BindParam("submission_key") String submissionKey,
		String confirm) {

	static BroadcastForm empty(String submissionKey) {
		return new BroadcastForm("", "", Priority.NORMAL.code(), null, List.of(), null, submissionKey, null);
	}

	/** Whether "all students" is ticked. */
	public boolean toAllStudents() {
		return FormValues.present(this.allStudents);
	}

	/**
	 * Whether the sender confirmed sending to exactly this many students (the number the
	 * confirm step showed them).
	 */
	boolean confirms(int recipients) {
		return FormValues.parse(this.confirm, Integer::valueOf).map((n) -> n == recipients).orElse(false);
	}

	void check(Errors errors) {
		if (priorityChoice() == null) {
			errors.rejectValue("priority", "thread.error.priority-required");
		}
		if (FormValues.present(this.category) && categoryId() == null) {
			errors.rejectValue("category", "thread.error.category-unknown");
		}
	}

	/** Whether the student with this id is ticked, for showing the form again. */
	public boolean picks(long studentId) {
		return studentIds().contains(studentId);
	}

	Priority priorityChoice() {
		return FormValues.parse(this.priority, Priority::fromCode).orElse(null);
	}

	Long categoryId() {
		return FormValues.parse(this.category, Long::valueOf).orElse(null);
	}

	/** The ticked students; a value that is not an id is left out. */
	List<Long> studentIds() {
		if (this.students == null) {
			return List.of();
		}
		return this.students.stream()
			.map((id) -> FormValues.parse(id, Long::valueOf).orElse(null))
			.filter(Objects::nonNull)
			.toList();
	}

	Broadcast toBroadcast() {
		return new Broadcast(this.title, this.content, priorityChoice(), toAllStudents(), studentIds(), categoryId(),
				this.submissionKey);
	}

}
