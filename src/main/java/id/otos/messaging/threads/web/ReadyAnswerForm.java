package id.otos.messaging.threads.web;

import id.otos.messaging.threads.ReadyAnswerView;
import id.otos.messaging.threads.ReadyAnswers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/**
 * A ready answer being added ({@code id} null) or changed: its title, its text, and (when
 * added by an operator or admin) whether it is shared.
 */
public record ReadyAnswerForm(String id,
		@NotBlank(message = "{answers.error.title-required}") @Size(max = ReadyAnswers.TITLE_MAX,
				message = "{answers.error.title-too-long}") String title,
		@NotBlank(message = "{answers.error.content-required}") @Size(max = ReadyAnswers.CONTENT_MAX,
				message = "{answers.error.content-too-long}") String content,
		String shared) {

	static ReadyAnswerForm empty() {
		return new ReadyAnswerForm(null, "", "", null);
	}

	static ReadyAnswerForm of(ReadyAnswerView answer) {
		return new ReadyAnswerForm(String.valueOf(answer.id()), answer.title(), answer.content(),
				answer.shared() ? "true" : null);
	}

	/** Refuses an id that is no number (a tampered form). */
	void check(Errors errors) {
		if (FormValues.present(this.id) && answerId() == null) {
			errors.rejectValue("id", "answers.error.unknown");
		}
	}

	/** The answer being changed, or null for a new one. */
	public Long answerId() {
		return FormValues.parse(this.id, Long::valueOf).orElse(null);
	}

	/** Whether the box "shared" was ticked. */
	public boolean isShared() {
		return "true".equals(this.shared) || "on".equals(this.shared);
	}

}
