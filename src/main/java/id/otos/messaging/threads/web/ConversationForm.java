package id.otos.messaging.threads.web;

import java.util.Arrays;
import java.util.List;

import id.otos.messaging.threads.Message;
import id.otos.messaging.threads.MessageThread;
import id.otos.messaging.threads.NewConversation;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The form staff start a conversation with: the student, title, type, priority and first
 * message. Choices arrive as text and are read by {@link #check}, so a tampered value is
 * a message on the form, not an error page.
 */
public record ConversationForm(String student,
		@NotBlank(message = "{thread.error.title-required}") @Size(max = MessageThread.TITLE_MAX,
				message = "{thread.error.title-too-long}") String title,
		@BindParam("thread_type") String threadType, String priority,
		@NotBlank(message = "{thread.error.content-required}") @Size(max = Message.CONTENT_MAX,
				message = "{thread.error.content-too-long}") String content,
		@Size(max = Message.SUBMISSION_KEY_MAX,
				message = "{form.error.stale}") @BindParam("submission_key") String submissionKey) {

	/** The types staff start a conversation of: any but an academic question. */
	static final List<ThreadType> TYPES = Arrays.stream(ThreadType.values())
		.filter((type) -> !type.isAcademic())
		.toList();

	static ConversationForm empty(Long studentId, String submissionKey) {
		return new ConversationForm((studentId != null) ? studentId.toString() : null, "", ThreadType.GENERAL.code(),
				Priority.NORMAL.code(), "", submissionKey);
	}

	void check(Errors errors) {
		if (studentId() == null) {
			errors.rejectValue("student", "thread.error.student-unknown");
		}
		if (type() == null) {
			errors.rejectValue("threadType", "thread.error.type-required");
		}
		if (priorityChoice() == null) {
			errors.rejectValue("priority", "thread.error.priority-required");
		}
	}

	/** Whether the student with this id is the one chosen, for showing the form again. */
	public boolean picks(long studentId) {
		Long chosen = studentId();
		return chosen != null && chosen == studentId;
	}

	Long studentId() {
		return FormValues.parse(this.student, Long::valueOf).orElse(null);
	}

	ThreadType type() {
		return FormValues.parse(this.threadType, ThreadType::fromCode).filter(TYPES::contains).orElse(null);
	}

	Priority priorityChoice() {
		return FormValues.parse(this.priority, Priority::fromCode).orElse(null);
	}

	NewConversation toConversation() {
		return new NewConversation(studentId(), this.title, type(), priorityChoice(), this.content, this.submissionKey);
	}

}
