package id.otos.messaging.threads;

/**
 * The internal notes a person has not read, as SQL beside {@link Inbox}'s unread
 * messages: notes written by others, after the person's read position in the thread's
 * notes ({@code otos_thread_read.last_read_note_id}). Counted only for those who read
 * notes ({@link ThreadAccess#readsNotes}); a student's count never takes them in.
 */
final class UnreadNotes {

	/** A thread's unread notes, for the thread {@code t} of an inbox row. */
	static final String OF_THREAD = """
			(select count(*) from otos_thread_note n
			 where n.thread_id = t.id and coalesce(n.author_id, 0) <> :me
			   and n.id > coalesce((select r.last_read_note_id from otos_thread_read r
			                        where r.thread_id = t.id and r.user_id = :me), 0))""";

	/**
	 * The unread notes of {@code :me} over their desk ({@code %s} is the desk condition),
	 * as the messages' {@code UNREAD_MESSAGES} of {@link Inbox}.
	 */
	static final String OVER_DESK = """
			from otos_thread_note n
			join otosapp_messagethread t on t.id = n.thread_id
			left join otos_thread_read r on r.thread_id = t.id and r.user_id = :me
			where %s and coalesce(n.author_id, 0) <> :me and n.id > coalesce(r.last_read_note_id, 0)
			""";

	private UnreadNotes() {
	}

}
