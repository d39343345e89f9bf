package id.otos.messaging.threads.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import id.otos.messaging.threads.NoteView;
import id.otos.messaging.threads.ThreadView.MessageView;

/**
 * A thread's messages and the internal notes its viewer may read, in the order they were
 * written, as the thread page lists them: each entry is a message or a note.
 */
public record Timeline(List<Entry> entries) {

	static Timeline of(List<MessageView> messages, List<NoteView> notes) {
		List<Entry> entries = new ArrayList<>(messages.size() + notes.size());
		messages.forEach((message) -> entries.add(new Entry(message, null, message.createdAt())));
		notes.forEach((note) -> entries.add(new Entry(null, note, note.createdAt())));
		// a message and a note of the same instant: the message first, as it was sent
		entries.sort(Comparator.comparing(Entry::at).thenComparing((entry) -> entry.note() != null));
		return new Timeline(List.copyOf(entries));
	}

	/** One message (and no note) or one note (and no message). */
	public record Entry(MessageView message, NoteView note, Instant at) {

	}

}
