package id.otos.messaging.threads;

import java.util.List;
import java.util.Map;

import id.otos.messaging.accounts.RoleName;

/**
 * The desk rule of {@link ThreadAccess#onDesk} as a SQL condition on
 * {@code otosapp_messagethread t}, for the inbox and the unread count, and the access
 * rule of {@link ThreadAccess#mayOpen} ({@link #openable}), for whose pictures one may
 * see. A test checks both forms of each agree on random data.
 */
record DeskQuery(String condition, Map<String, Object> parameters) {

	private static final String STUDENT = "t.student_id = :me";

	private static final String TEACHER = """
			(t.teacher_or_admin_id = :me
			 or (t.teacher_or_admin_id is null and (t.thread_type = 'academic' or t.question_id is not null) and t.category_id in (:categories)))""";

	private static final String OPERATOR = """
			(t.teacher_or_admin_id = :me
			 or (t.teacher_or_admin_id is null and (t.thread_type <> 'academic' and t.question_id is null)))""";

	private static final String ADMIN = """
			(t.teacher_or_admin_id = :me
			 or (t.teacher_or_admin_id is null and (t.thread_type <> 'academic' and t.question_id is null))
			 or (t.status = 'pending' and t.close_requested_at is not null))""";

	/**
	 * The threads the viewer may open: their desk, and beyond it every thread for admins,
	 * every non-academic one for operators, every academic one of their categories for
	 * teachers.
	 * @param viewer who looks
	 * @return the condition and its parameters
	 */
	static DeskQuery openable(Viewer viewer) {
		DeskQuery desk = of(viewer);
		String beyond = switch (viewer.role()) {
			case STUDENT, VISITOR -> "1 = 0";
			case TEACHER ->
				"((t.thread_type = 'academic' or t.question_id is not null) and t.category_id in (:categories))";
			case OPERATOR -> "(t.thread_type <> 'academic' and t.question_id is null)";
			case ADMIN -> "1 = 1";
		};
		return new DeskQuery("(" + desk.condition() + " or " + beyond + ")", desk.parameters());
	}

	static DeskQuery of(Viewer viewer) {
		String condition = condition(viewer.role());
		List<Long> categories = viewer.taughtCategoryIds().isEmpty() ? List.of(-1L)
				: List.copyOf(viewer.taughtCategoryIds());
		Map<String, Object> parameters = (viewer.role() == RoleName.TEACHER)
				? Map.of("me", viewer.userId(), "categories", categories) : Map.of("me", viewer.userId());
		return new DeskQuery(condition, parameters);
	}

	/**
	 * The same rule for every person of a role at once: a condition on
	 * {@code otosapp_messagethread t} and {@code otosapp_user u} (the person), true when
	 * the thread is on u's desk.
	 * @param role the people's role
	 * @return the condition
	 */
	static String forEveryone(RoleName role) {
		return condition(role)
			.replace(":categories", "select ct.category_id from otosapp_category_teachers ct where ct.user_id = u.id")
			.replace(":me", "u.id");
	}

	/**
	 * {@link #forEveryone} for {@code db adopt}, which runs on otos's tables at our V5,
	 * before the migration that links a report to a question: no thread is about a
	 * question yet, and the column is not there.
	 * @param role the people's role
	 * @return the condition
	 */
	static String forEveryoneAtAdoption(RoleName role) {
		return forEveryone(role).replace("t.question_id", "cast(null as bigint)");
	}

	private static String condition(RoleName role) {
		return switch (role) {
			case STUDENT -> STUDENT;
			case TEACHER -> TEACHER;
			case OPERATOR -> OPERATOR;
			case ADMIN -> ADMIN;
			case VISITOR -> "1 = 0";
		};
	}

}
