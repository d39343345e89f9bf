package id.otos.messaging.threads.web;

import id.otos.messaging.threads.ReadyAnswerView;
import id.otos.messaging.threads.ReadyAnswers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A ready answer being added ({@code id} null) or changed: its title, its text, and (when
 * added by an operator or admin) whether it is shared.
 */
public record ReadyAnswerForm(Long id,
		@NotBlank(message = "{answers.error.title-required}") @Size(max = ReadyAnswers.TITLE_MAX,
				message = "{answers.error.title-too-long}") String title,
		@NotBlank(message = "{answers.error.content-required}") @Size(max = ReadyAnswers.CONTENT_MAX,
				message = "{answers.error.content-too-long}") String content,
		String shared) {

	static ReadyAnswerForm empty() {
		return new ReadyAnswerForm(null, "", "", null);
	}

	static ReadyAnswerForm of(ReadyAnswerView answer) {
		return new ReadyAnswerForm(answer.id(), answer.title(), answer.content(), answer.shared() ? "true" : null);
	}

	/** Whether the box "shared" was ticked. */
	public boolean isShared() {
		return "true".equals(this.shared) || "on".equals(this.shared);
	}

}
