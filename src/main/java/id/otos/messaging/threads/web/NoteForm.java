package id.otos.messaging.threads.web;

import id.otos.messaging.threads.InternalNotes;
import id.otos.messaging.threads.Message;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.BindParam;

/**
 * An internal note: its text and the key that makes a resubmitted form one note.
 */
public record NoteForm(
		@NotBlank(message = "{note.error.content-required}") @Size(max = InternalNotes.CONTENT_MAX,
				message = "{note.error.content-too-long}") String content,
		@Size(max = Message.SUBMISSION_KEY_MAX,
				message = "{form.error.stale}") @BindParam("submission_key") String submissionKey) {

	static NoteForm empty(String submissionKey) {
		return new NoteForm("", submissionKey);
	}

}
