package id.otos.messaging.threads.web;

import id.otos.messaging.threads.Message;
import id.otos.messaging.threads.MessageThread;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The new-thread form, with the original's field names.
 */
public record ThreadForm(
		@NotBlank(message = "{thread.error.title-required}") @Size(max = MessageThread.TITLE_MAX,
				message = "{thread.error.title-too-long}") String title,
		@BindParam("thread_type") @NotNull(message = "{thread.error.type-required}") ThreadType threadType,
		Long category, Long teacher, @NotNull(message = "{thread.error.priority-required}") Priority priority,
		@NotBlank(message = "{thread.error.content-required}") @Size(max = Message.CONTENT_MAX,
				message = "{thread.error.content-too-long}") String content,
		@BindParam("submission_key") String submissionKey) {

	static ThreadForm empty(String submissionKey) {
		return new ThreadForm("", ThreadType.ACADEMIC, null, null, Priority.NORMAL, "", submissionKey);
	}

	NewThread toRequest() {
		return new NewThread(this.title, this.threadType, this.category, this.teacher, this.priority, this.content,
				this.submissionKey);
	}

}
