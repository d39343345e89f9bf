package id.otos.messaging.threads;

/**
 * Why a thread went to the person it went to, as the audit log stores it (its code) and
 * the history shows it (in the reader's language, message {@code thread.routing.<code>}).
 */
public enum RoutingReason {

	/** The student picked a teacher of the category. */
	CHOSEN_BY_STUDENT("chosen"),

	/** The least-loaded active teacher of the category. */
	TEACHER_FEWEST_OPEN("teacher"),

	/** An academic thread whose category has no active teacher: an operator's desk. */
	NO_TEACHER_OPERATOR("no-teacher-operator"),

	/**
	 * An academic thread whose category has no active teacher, and no operator: an admin.
	 */
	NO_TEACHER_ADMIN("no-teacher-admin"),

	/** A non-academic thread: the least-loaded operator. */
	OPERATOR_FEWEST_OPEN("operator"),

	/** A non-academic thread and no active operator: the least-loaded admin. */
	ADMIN_FEWEST_OPEN("admin"),

	/** Staff started the conversation: it stays with them. */
	STARTED_BY_STAFF("started"),

	/** Nobody active may answer it (no teacher, operator or admin at all). */
	NOBODY("nobody");

	private final String code;

	RoutingReason(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/**
	 * The message key of the history line, for a stored code; unknown codes read as they
	 * are.
	 */
	public static String messageKeyOf(String code) {
		for (RoutingReason reason : values()) {
			if (reason.code.equals(code)) {
				return "thread.routing." + code;
			}
		}
		return null;
	}

}
