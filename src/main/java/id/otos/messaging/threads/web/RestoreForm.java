package id.otos.messaging.threads.web;

import id.otos.messaging.threads.Message;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.BindParam;

/**
 * Which earlier explanation to put back, and the key that makes a resubmitted form one
 * change. A change id that is not a number names no change: "not found".
 */
public record RestoreForm(@BindParam("change") String change,
		@Size(max = Message.SUBMISSION_KEY_MAX) @BindParam("submission_key") String submissionKey) {

	long changeId() {
		return QuestionIds.parse(this.change);
	}

}
