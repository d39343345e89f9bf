package id.otos.messaging.threads.web;

import id.otos.messaging.threads.Message;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.BindParam;

/**
 * A reply: its text and the key that makes a resubmitted form one reply.
 */
public record ReplyForm(
		@NotBlank(message = "{thread.error.content-required}") @Size(max = Message.CONTENT_MAX,
				message = "{thread.error.content-too-long}") String content,
		@Size(max = Message.SUBMISSION_KEY_MAX,
				message = "{form.error.stale}") @BindParam("submission_key") String submissionKey) {

	static ReplyForm empty(String submissionKey) {
		return new ReplyForm("", submissionKey);
	}

	/** The same form with a ready answer's text added after what was typed. */
	ReplyForm withAnswer(String text) {
		String typed = (this.content != null) ? this.content.stripTrailing() : "";
		String joined = typed.isEmpty() ? text : (text.isEmpty() ? typed : typed + "\n\n" + text);
		return new ReplyForm(joined, this.submissionKey);
	}

}
