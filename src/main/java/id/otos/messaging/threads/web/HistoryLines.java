package id.otos.messaging.threads.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.RoutingReason;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadView;
import id.otos.messaging.threads.ThreadView.AuditView;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The thread's history as people read it, in the reader's language: names instead of ids,
 * status and priority labels instead of codes, and why routing sent the thread where it
 * went ("routed to Budi: teaches Matematika, fewest open"). The audit log keeps codes and
 * ids; only this turns them into words.
 */
@Component
class HistoryLines {

	/**
	 * Notes the workflow itself writes (in English, kept for old rows), as message keys.
	 */
	private static final Map<String, String> WORKFLOW_NOTES = Map.of("first reply", "thread.history.note.first-reply",
			"claimed", "thread.history.note.claimed", "close requested", "thread.history.note.close-requested");

	private final MessageSource messages;

	HistoryLines(MessageSource messages) {
		this.messages = messages;
	}

	List<HistoryLine> of(ThreadView thread) {
		Locale locale = LocaleContextHolder.getLocale();
		return thread.audit().stream().map((entry) -> line(thread, entry, locale)).toList();
	}

	private HistoryLine line(ThreadView thread, AuditView entry, Locale locale) {
		String actor = (entry.actorName() != null) ? entry.actorName() : text("thread.history.automatic", locale);
		String note = entry.note();
		String said = switch (entry.action()) {
			case "status" -> text("thread.history.status", locale, status(entry.fromValue(), locale),
					status(entry.toValue(), locale));
			case "priority" -> text("thread.history.priority", locale, priority(entry.fromValue(), locale),
					priority(entry.toValue(), locale));
			case "assignment" -> text("thread.history.assignment", locale, person(entry.fromName(), locale),
					person(entry.toName(), locale));
			case "routed", "rerouted" -> {
				note = null;
				yield text("thread.history." + entry.action(), locale, person(entry.fromName(), locale),
						person(entry.toName(), locale), reason(thread, entry, locale));
			}
			default -> entry.action() + ": " + entry.fromValue() + " → " + entry.toValue();
		};
		if (note != null && WORKFLOW_NOTES.containsKey(note)) {
			note = text(WORKFLOW_NOTES.get(note), locale);
		}
		return new HistoryLine(entry.at(), actor, said, note);
	}

	private String reason(ThreadView thread, AuditView entry, Locale locale) {
		String key = RoutingReason.messageKeyOf(entry.note());
		if (key == null) {
			return String.valueOf(entry.note());
		}
		String category = (thread.categoryName() != null) ? thread.categoryName() : "–";
		return text(key, locale, person(entry.toName(), locale), category);
	}

	private String status(String code, Locale locale) {
		try {
			return text(ThreadStatus.fromCode(code).messageKey(), locale);
		}
		catch (IllegalArgumentException ex) {
			return String.valueOf(code);
		}
	}

	private String priority(String code, Locale locale) {
		try {
			return text(Priority.fromCode(code).messageKey(), locale);
		}
		catch (IllegalArgumentException ex) {
			return String.valueOf(code);
		}
	}

	private String person(String name, Locale locale) {
		return (name != null) ? name : text("inbox.unassigned", locale);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	/** One line of the history: when, who, what, and the note they left. */
	record HistoryLine(Instant at, String actor, String text, String note) {

	}

}
