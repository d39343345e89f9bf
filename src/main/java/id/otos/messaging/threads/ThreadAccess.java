package id.otos.messaging.threads;

import java.util.HashSet;
import java.util.Set;

/**
 * The one rule set of who sees and does what with a thread: a person's desk (their inbox
 * and unread count), what else they may open (admins anything, operators any non-academic
 * thread, teachers any academic thread of their categories, a report about one of otos's
 * questions counting as academic ({@link MessageThread#isSubjectMatter}); anything else
 * is "not found"), and which actions they may take. The inbox, the unread count and who
 * sees whose picture use the same rules as SQL ({@link DeskQuery}); a property test keeps
 * the two in step.
 */
public final class ThreadAccess {

	private ThreadAccess() {
	}

	/** Students open threads; everyone else answers them. */
	public static boolean mayOpenNewThread(Viewer viewer) {
		return viewer.isStudent();
	}

	/**
	 * Which priority the viewer may give a thread: staff decide urgency; a student
	 * chooses low, normal or high.
	 */
	public static boolean mayChoose(Viewer viewer, Priority priority) {
		return priority != Priority.URGENT || viewer.isStaff();
	}

	/**
	 * Operators and admins start a conversation with a student (a follow-up, a reminder).
	 */
	public static boolean mayStartConversation(Viewer viewer) {
		return viewer.isStaff();
	}

	/** Operators and admins send information threads to students. */
	public static boolean mayBroadcast(Viewer viewer) {
		return viewer.isStaff();
	}

	/** Admins set the response targets per priority. */
	public static boolean maySetResponseTargets(Viewer viewer) {
		return viewer.isAdmin();
	}

	/**
	 * Whether the thread is on the viewer's desk: listed in their inbox and counted as
	 * unread.
	 */
	public static boolean onDesk(Viewer viewer, MessageThread thread) {
		return deskHolders(thread).includes(viewer);
	}

	/**
	 * Whose desk holds the thread as it is now: its student, its handler, or while
	 * unassigned the teachers of its category (subject matter) or every operator and
	 * admin (anything else), and every admin while a close request is pending.
	 */
	public static DeskHolders deskHolders(MessageThread thread) {
		Set<Long> shared = new HashSet<>();
		if (!thread.isAssigned() && thread.isSubjectMatter() && thread.getCategoryId() != null) {
			shared.add(thread.getCategoryId());
		}
		if (!thread.isAssigned() && !thread.isSubjectMatter()) {
			shared.add(DeskHolders.UNASSIGNED_FOR_STAFF);
		}
		if (thread.hasPendingCloseRequest()) {
			shared.add(DeskHolders.CLOSE_REQUESTS);
		}
		return new DeskHolders(thread.getStudentId(), thread.isAssigned() ? Set.of(thread.getHandlerId()) : Set.of(),
				shared);
	}

	/**
	 * Whether the viewer may open threads other than their own (a student opens only
	 * theirs): who, beside a thread's student, may be told about it. Follows from
	 * {@link #mayOpen}: only those who answer threads open anyone else's.
	 */
	public static boolean mayOpenOthersThreads(Viewer viewer) {
		return viewer.isHandler();
	}

	/** Whether the viewer may open the thread at all; anything else is "not found". */
	public static boolean mayOpen(Viewer viewer, MessageThread thread) {
		if (onDesk(viewer, thread) || viewer.isAdmin()) {
			return true;
		}
		if (viewer.isOperator()) {
			return !thread.isSubjectMatter();
		}
		if (viewer.isTeacher()) {
			return thread.isSubjectMatter() && viewer.teaches(thread.getCategoryId());
		}
		return false;
	}

	/**
	 * Whether the viewer, who may open the thread, may also do this with it; whether the
	 * thread's state allows it now is the thread's to say
	 * ({@link MessageThread#permits}).
	 */
	public static boolean allows(Viewer viewer, MessageThread thread, ThreadAction action) {
		if (!mayOpen(viewer, thread)) {
			return false;
		}
		boolean owner = viewer.isStudent() && thread.getStudentId() == viewer.userId();
		return switch (action) {
			case REPLY -> owner || viewer.isHandler();
			case CLOSE -> owner || viewer.isStaff();
			case REQUEST_CLOSE -> viewer.isTeacher();
			case RESOLVE -> viewer.isHandler();
			case CHANGE_STATUS, ASSIGN, CHANGE_PRIORITY -> viewer.isStaff();
			case CLAIM -> viewer.isHandler();
			case VIEW_AUDIT -> viewer.isHandler();
			case HAND_OFF -> viewer.isTeacher() && thread.isAssignedTo(viewer.userId());
			case NOTE -> readsNotes(viewer);
		};
	}

	/**
	 * Whether the viewer writes and reads internal notes (in the threads they may open):
	 * those who answer threads, never students. Their unread count takes in the notes of
	 * others on their desk.
	 */
	public static boolean readsNotes(Viewer viewer) {
		return viewer.isHandler();
	}

	/**
	 * Whether the viewer has the desk's tools: the staff filters and search beyond their
	 * desk in the inbox, the CSV export, and the overview: those who answer threads.
	 */
	public static boolean usesStaffTools(Viewer viewer) {
		return viewer.isHandler();
	}

	/**
	 * Whether the viewer keeps ready answers of their own and uses the shared ones: those
	 * who answer threads.
	 */
	public static boolean usesReadyAnswers(Viewer viewer) {
		return viewer.isHandler();
	}

	/** Whether the viewer adds, changes and removes the shared ready answers. */
	public static boolean managesSharedAnswers(Viewer viewer) {
		return viewer.isStaff();
	}

	/**
	 * Whether the viewer corrects the explanation of a question of this category (and
	 * sees the question's reports folded together even when none is on their desk): the
	 * category's teachers, who write its questions in otos, and admins. Operators answer
	 * the reports routed to them but do not rewrite a subject's teaching material.
	 */
	public static boolean mayPublishExplanation(Viewer viewer, long categoryId) {
		return viewer.isAdmin() || (viewer.isTeacher() && viewer.teaches(categoryId));
	}

}
