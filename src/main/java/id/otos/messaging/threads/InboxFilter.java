package id.otos.messaging.threads;

/**
 * What the inbox shows: optional status, type and search text, and which page; for people
 * who answer threads, also {@link StaffFilter}'s filters, where to look and the order.
 */
public record InboxFilter(ThreadStatus status, ThreadType type, String search, int page, int size, StaffFilter staff) {

	public static final int SEARCH_MAX = 100;

	public InboxFilter {
		search = (search == null || search.isBlank()) ? null : search.strip();
		if (search != null && search.length() > SEARCH_MAX) {
			search = search.substring(0, SEARCH_MAX);
		}
		page = Math.max(page, 1);
		size = Math.max(size, 1);
		staff = (staff != null) ? staff : StaffFilter.NONE;
	}

	public InboxFilter(ThreadStatus status, ThreadType type, String search, int page, int size) {
		this(status, type, search, page, size, StaffFilter.NONE);
	}

	InboxFilter onPage(int number) {
		return new InboxFilter(this.status, this.type, this.search, number, this.size, this.staff);
	}

	/**
	 * Whether a person who answers threads looks at every thread they may open rather
	 * than at their desk: when they ask for it, or when they search for words without
	 * saying where (a search finds any thread they may open).
	 */
	boolean looksBeyondDesk() {
		return (this.staff.scope() != null) ? this.staff.scope() == InboxScope.ALL : this.search != null;
	}

}
