package id.otos.messaging.threads;

/**
 * What happened to threads, for listeners such as live updates and e-mail.
 */
public final class ThreadEvents {

	private ThreadEvents() {
	}

	/**
	 * A message was posted to a thread (including a new thread's first message) of the
	 * student {@code studentId}; {@code desks} are whose desks held the thread before the
	 * message or hold it after (a reply may assign or reopen it), with the sender among
	 * the handlers (their read position moved past their message): nobody else's unread
	 * count changed; {@code desksStayed} whether the thread's desks before and after are
	 * the same.
	 */
	public record MessagePosted(long threadId, long messageId, long senderId, long studentId, DeskHolders desks,
			boolean desksStayed) {

	}

	/** A thread's status, assignment or priority changed. */
	public record ThreadChanged(long threadId, long actorId, long studentId) {

	}

	/**
	 * Someone's read position in a thread moved forward, to {@code messageId} ({@code 0}
	 * when only their position in its internal notes moved).
	 */
	public record ThreadRead(long threadId, long userId, long messageId) {

	}

	/**
	 * Staff wrote an internal note in a thread: for staff only, never for the thread's
	 * student.
	 */
	public record NotePosted(long threadId, long noteId, long authorId) {

	}

}
