package id.otos.messaging.threads.web;

import id.otos.messaging.threads.Message;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.BindParam;

/**
 * A question's corrected explanation, as rich text (sanitized when written), and the key
 * that makes a resubmitted form one change.
 */
public record ExplanationForm(
		@Size(max = ExplanationForm.MAX, message = "{question.explanation.too-long}") String explanation,
		@Size(max = Message.SUBMISSION_KEY_MAX,
				message = "{form.error.stale}") @BindParam("submission_key") String submissionKey) {

	static final int MAX = 20_000;

}
