package id.otos.messaging.threads;

/**
 * The inbox's filters for people who answer threads (students' inboxes ignore them):
 * where to look ({@code null}: see {@link InboxFilter#looksBeyondDesk()}), assigned to
 * the viewer, unassigned, with messages the viewer has not read, of a priority, of a
 * category, overdue, waiting for an answer longer than some hours, and the order.
 */
public record StaffFilter(InboxScope scope, boolean assignedToMe, boolean unassigned, boolean unreadByMe,
		Priority priority, Long categoryId, boolean overdue, Integer waitingHours, InboxOrder order) {

	/** The longest wait one may ask about: a year. */
	public static final int WAITING_HOURS_MAX = 24 * 366;

	public static final StaffFilter NONE = new StaffFilter(null, false, false, false, null, null, false, null,
			InboxOrder.ACTIVITY);

	public StaffFilter {
		order = (order != null) ? order : InboxOrder.ACTIVITY;
		if (waitingHours != null && (waitingHours < 0 || waitingHours > WAITING_HOURS_MAX)) {
			throw new IllegalArgumentException("waiting hours out of range: " + waitingHours);
		}
	}

}
