package id.otos.messaging.threads.web;

import java.util.function.Function;

import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadRuleException;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.Triage;

/**
 * The thread page's one triage form: status, priority and handler (empty: nobody), and a
 * note to the new handler. Values arrive as text; one that is not among the offered
 * choices is refused with a message on the thread page, and nothing changes.
 */
record TriageForm(String status, String priority, String handler, String note) {

	Triage toTriage() {
		ThreadStatus chosenStatus = choice(this.status, ThreadStatus::fromCode);
		Priority chosenPriority = choice(this.priority, Priority::fromCode);
		Long handlerId = choice(this.handler, Long::valueOf);
		return new Triage(chosenStatus, chosenPriority, handlerId, note(this.note));
	}

	/** A note left blank is no note. */
	static String note(String note) {
		return (note == null || note.isBlank()) ? null : note.strip();
	}

	private static <T> T choice(String value, Function<String, T> parser) {
		if (!FormValues.present(value)) {
			return null;
		}
		return FormValues.parse(value, parser)
			.orElseThrow(() -> new ThreadRuleException("thread.error.choice-unknown"));
	}

}
