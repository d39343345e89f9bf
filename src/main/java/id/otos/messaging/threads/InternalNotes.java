package id.otos.messaging.threads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import id.otos.messaging.threads.ThreadEvents.NotePosted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal notes: what staff write in a thread for each other and the student never sees.
 * Only those the access rules let take {@link ThreadAction#NOTE} write or read them
 * ({@link ThreadAccess#readsNotes}); to anyone else a thread has no notes. A note changes
 * nothing of the thread itself (not its last activity, status or version), so nothing the
 * student can see moves when one is written; it tells only staff ({@link NotePosted}),
 * and counts as unread for the staff whose desk holds the thread until they open it.
 */
@Service
public class InternalNotes {

	/** The longest note, as long as the longest message. */
	public static final int CONTENT_MAX = Message.CONTENT_MAX;

	private final MessageThreadRepository threads;

	private final InternalNoteRepository notes;

	private final ReadPositions reads;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InternalNotes(MessageThreadRepository threads, InternalNoteRepository notes, ReadPositions reads, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.threads = threads;
		this.notes = notes;
		this.reads = reads;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Writes a note in the thread: "not found" for a thread the person may not open,
	 * forbidden for one they may open but not write notes in. Submitting the same form
	 * twice writes it once.
	 * @return the note's id
	 */
	@Transactional
	public long add(Viewer by, long threadId, String content, String submissionKey) {
		MessageThread thread = this.threads.findById(threadId)
			.filter((candidate) -> ThreadAccess.mayOpen(by, candidate))
			.orElseThrow(() -> new ThreadNotFoundException(threadId));
		if (!ThreadAccess.allows(by, thread, ThreadAction.NOTE)) {
			throw new ThreadForbiddenException(ThreadAction.NOTE);
		}
		String key = (submissionKey == null || submissionKey.isBlank()) ? null : submissionKey;
		Optional<InternalNote> resubmitted = (key != null) ? this.notes.findByAuthorIdAndSubmissionKey(by.userId(), key)
				: Optional.empty();
		if (resubmitted.isPresent()) {
			return resubmitted.get().getId();
		}
		Instant now = this.clock.instant();
		InternalNote note = this.notes.saveAndFlush(new InternalNote(threadId, by.userId(), content.strip(), key, now));
		this.events.publishEvent(new NotePosted(threadId, note.getId(), by.userId()));
		return note.getId();
	}

	/**
	 * The thread's notes after the given one, oldest first, for a viewer who may read
	 * them (none for anyone else), moving the viewer's read position in the notes to the
	 * last one returned, as a page view does.
	 * @param viewer who reads
	 * @param thread the thread as its page shows it to the viewer
	 * @param afterNoteId notes up to this id are left out
	 * @return the notes
	 */
	@Transactional
	public List<NoteView> read(Viewer viewer, ThreadView thread, long afterNoteId) {
		List<NoteView> found = notesAfter(viewer, thread, afterNoteId);
		if (!found.isEmpty()) {
			this.reads.readNotesUpTo(thread.id(), viewer.userId(), found.get(found.size() - 1).id(),
					this.clock.instant());
		}
		return found;
	}

	/**
	 * The thread's notes as {@link #read} returns them, moving nothing: for showing the
	 * page again with a refused form.
	 */
	@Transactional(readOnly = true)
	public List<NoteView> look(Viewer viewer, ThreadView thread) {
		return notesAfter(viewer, thread, 0);
	}

	private List<NoteView> notesAfter(Viewer viewer, ThreadView thread, long afterNoteId) {
		if (!thread.allowed().contains(ThreadAction.NOTE)) {
			return List.of();
		}
		return this.jdbc
			.sql("""
					select n.id, n.author_id, n.content, n.created_at, trim(u.first_name || ' ' || u.last_name) as author_name
					from otos_thread_note n
					left join otosapp_user u on u.id = n.author_id
					where n.thread_id = :thread and n.id > :after
					order by n.id
					""")
			.param("thread", thread.id())
			.param("after", Math.max(afterNoteId, 0))
			.query((rs, n) -> note(rs, viewer))
			.list();
	}

	private static NoteView note(ResultSet rs, Viewer viewer) throws SQLException {
		long authorId = rs.getLong("author_id");
		Long author = rs.wasNull() ? null : authorId;
		return new NoteView(rs.getLong("id"), author, rs.getString("author_name"), rs.getString("content"),
				rs.getTimestamp("created_at").toInstant(), author != null && author == viewer.userId());
	}

}
