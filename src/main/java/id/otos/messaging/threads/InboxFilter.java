package id.otos.messaging.threads;

/**
 * What the inbox shows: optional status, type and search text, and which page.
 */
public record InboxFilter(ThreadStatus status, ThreadType type, String search, int page, int size) {

	public static final int SEARCH_MAX = 100;

	public InboxFilter {
		search = (search == null || search.isBlank()) ? null : search.strip();
		if (search != null && search.length() > SEARCH_MAX) {
			search = search.substring(0, SEARCH_MAX);
		}
		page = Math.max(page, 1);
		size = Math.max(size, 1);
	}

}
