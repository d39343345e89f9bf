package id.otos.messaging.threads;

import java.util.Set;
import java.util.TreeSet;

/**
 * Whose desk holds a thread: the desk rule itself ({@link ThreadAccess#onDesk} asks
 * {@link #includes}). A thread is on the desk of its student, of its handler, and of
 * everyone who looks at a <em>shared desk</em> that holds it: while it is unassigned the
 * teachers of its category (a subject-matter thread: the category's id) or every operator
 * and admin (anything else: {@link #UNASSIGNED_FOR_STAFF}), and every admin while a close
 * request is pending ({@link #CLOSE_REQUESTS}). A change that leaves the thread where it
 * was concerns these people's unread counts and nobody else's.
 *
 * <p>
 * Holders can be joined ({@link #and}): a reply that assigns or reopens a thread touches
 * the desks that held it before and those that hold it after. Ids only, so they travel in
 * a signal to the other nodes ({@link #encode}, {@link #decode}).
 *
 * @param studentId the thread's student
 * @param handlerIds its handler (none while unassigned; two once joined across a move)
 * @param sharedDesks the shared desks that hold it (category ids, or the two constants)
 */
public record DeskHolders(long studentId, Set<Long> handlerIds, Set<Long> sharedDesks) {

	/** The shared desk of every operator and admin: unassigned non-subject threads. */
	public static final long UNASSIGNED_FOR_STAFF = -1;

	/** The shared desk of every admin: threads whose closing waits for them. */
	public static final long CLOSE_REQUESTS = -2;

	public DeskHolders {
		handlerIds = Set.copyOf(handlerIds);
		sharedDesks = Set.copyOf(sharedDesks);
	}

	/**
	 * The shared desks the viewer looks at: a teacher those of their categories, an
	 * operator the unassigned threads, an admin those and the close requests.
	 * @param viewer who looks
	 * @return the desks' keys
	 */
	public static Set<Long> sharedDesksOf(Viewer viewer) {
		return switch (viewer.role()) {
			case TEACHER -> viewer.taughtCategoryIds();
			case OPERATOR -> Set.of(UNASSIGNED_FOR_STAFF);
			case ADMIN -> Set.of(UNASSIGNED_FOR_STAFF, CLOSE_REQUESTS);
			case STUDENT, VISITOR -> Set.of();
		};
	}

	/**
	 * Whether the thread (or, for joined holders, one of its states) is on the viewer's
	 * desk.
	 * @param viewer who looks
	 * @return whether it is on their desk
	 */
	public boolean includes(Viewer viewer) {
		if (viewer.isStudent()) {
			return this.studentId == viewer.userId();
		}
		if (viewer.isHandler() && this.handlerIds.contains(viewer.userId())) {
			return true;
		}
		return sharedDesksOf(viewer).stream().anyMatch(this.sharedDesks::contains);
	}

	/**
	 * The desks that hold either this or the other state of the thread.
	 * @param other the thread's other state
	 * @return both joined
	 */
	public DeskHolders and(DeskHolders other) {
		if (other.studentId != this.studentId) {
			throw new IllegalArgumentException("Not the same thread's holders: " + this + ", " + other);
		}
		return new DeskHolders(this.studentId, union(this.handlerIds, other.handlerIds),
				union(this.sharedDesks, other.sharedDesks));
	}

	/**
	 * As a signal carries them: {@code student/handlers/shared desks}, each list's ids
	 * separated by {@code .} (empty when there are none).
	 * @return the text
	 */
	public String encode() {
		return this.studentId + "/" + ids(this.handlerIds) + "/" + ids(this.sharedDesks);
	}

	/**
	 * The holders {@link #encode} wrote.
	 * @param text the text
	 * @return the holders
	 * @throws IllegalArgumentException if the text is not such
	 */
	public static DeskHolders decode(String text) {
		String[] parts = String.valueOf(text).split("/", -1);
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not desk holders: " + text);
		}
		try {
			return new DeskHolders(Long.parseLong(parts[0]), ids(parts[1]), ids(parts[2]));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not desk holders: " + text, ex);
		}
	}

	private static Set<Long> union(Set<Long> one, Set<Long> other) {
		Set<Long> both = new TreeSet<>(one);
		both.addAll(other);
		return both;
	}

	private static String ids(Set<Long> ids) {
		return String.join(".", new TreeSet<>(ids).stream().map(String::valueOf).toList());
	}

	private static Set<Long> ids(String text) {
		Set<Long> ids = new TreeSet<>();
		if (!text.isEmpty()) {
			for (String id : text.split("\\.", -1)) {
				ids.add(Long.parseLong(id));
			}
		}
		return ids;
	}

}
