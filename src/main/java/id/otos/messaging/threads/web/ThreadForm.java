package id.otos.messaging.threads.web;

import id.otos.messaging.threads.Message;
import id.otos.messaging.threads.MessageThread;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The new-thread form, with the original's field names. Choices arrive as text and are
 * read by {@link #check}, so a tampered value is a message on the form, not an error
 * page.
 */
public record ThreadForm(
		@NotBlank(message = "{thread.error.title-required}") @Size(max = MessageThread.TITLE_MAX,
				message = "{thread.error.title-too-long}") String title,
		@BindParam("thread_type") String threadType, String category, String teacher, String priority,
		@NotBlank(message = "{thread.error.content-required}") @Size(max = Message.CONTENT_MAX,
				message = "{thread.error.content-too-long}") String content,
		@Size(max = Message.SUBMISSION_KEY_MAX,
				message = "{form.error.stale}") @BindParam("submission_key") String submissionKey,
		String question) {

	static ThreadForm empty(String submissionKey) {
		return new ThreadForm("", ThreadType.ACADEMIC.code(), null, null, Priority.NORMAL.code(), "", submissionKey,
				null);
	}

	/** A report about one of otos's questions, its title written already. */
	static ThreadForm reportAbout(long questionId, String title, String submissionKey) {
		return new ThreadForm(title, ThreadType.REPORT.code(), null, null, Priority.NORMAL.code(), "", submissionKey,
				Long.toString(questionId));
	}

	/** Whether the form reports one of otos's questions. */
	boolean reportsAQuestion() {
		return this.question != null;
	}

	/**
	 * Adds an error for every choice that is missing or not one of the offered values.
	 */
	void check(Errors errors) {
		if (reportsAQuestion()) {
			// a report: its type and category are the question's
			if (priorityChoice() == null || priorityChoice() == Priority.URGENT) {
				errors.rejectValue("priority", "thread.error.priority-required");
			}
			return;
		}
		if (type() == null || !type().studentsMayOpen()) {
			errors.rejectValue("threadType", "thread.error.type-required");
		}
		if (priorityChoice() == null) {
			errors.rejectValue("priority", "thread.error.priority-required");
		}
		else if (priorityChoice() == Priority.URGENT) {
			// staff decide urgency (ThreadAccess.mayChoose); the form offers the others
			errors.rejectValue("priority", "thread.error.priority-not-for-students");
		}
		if (FormValues.present(this.category) && categoryId() == null) {
			errors.rejectValue("category", "thread.error.category-unknown");
		}
		if (FormValues.present(this.teacher) && teacherId() == null) {
			errors.rejectValue("teacher", "thread.error.teacher-not-of-category");
		}
	}

	ThreadType type() {
		return FormValues.parse(this.threadType, ThreadType::fromCode).orElse(null);
	}

	Priority priorityChoice() {
		return FormValues.parse(this.priority, Priority::fromCode).orElse(null);
	}

	Long categoryId() {
		return FormValues.parse(this.category, Long::valueOf).orElse(null);
	}

	Long teacherId() {
		return FormValues.parse(this.teacher, Long::valueOf).orElse(null);
	}

	NewThread toRequest() {
		return new NewThread(this.title, type(), categoryId(), teacherId(), priorityChoice(), this.content,
				this.submissionKey);
	}

}
