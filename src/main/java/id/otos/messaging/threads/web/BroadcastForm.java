package id.otos.messaging.threads.web;

import java.util.List;

import id.otos.messaging.threads.Broadcast;
import id.otos.messaging.threads.Message;
import id.otos.messaging.threads.MessageThread;
import id.otos.messaging.threads.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The broadcast form: title, message, priority, and the students (picked, or by
 * category).
 */
public record BroadcastForm(
		@NotBlank(message = "{thread.error.title-required}") @Size(max = MessageThread.TITLE_MAX,
				message = "{thread.error.title-too-long}") String title,
		@NotBlank(message = "{thread.error.content-required}") @Size(max = Message.CONTENT_MAX,
				message = "{thread.error.content-too-long}") String content,
		@NotNull(message = "{thread.error.priority-required}") Priority priority, List<Long> students, Long category,
		@BindParam("submission_key") String submissionKey) {

	static BroadcastForm empty(String submissionKey) {
		return new BroadcastForm("", "", Priority.NORMAL, List.of(), null, submissionKey);
	}

	Broadcast toBroadcast() {
		return new Broadcast(this.title, this.content, this.priority, this.students, this.category, this.submissionKey);
	}

}
