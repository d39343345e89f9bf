package id.otos.messaging.threads;

import java.util.List;

/**
 * A page of the inbox and where it stands among all pages: {@code total} threads found,
 * at most {@link Inbox#TOTAL_CAP}, and whether more than that many match ({@code more}:
 * the pages go no further, and the page asks to narrow the search).
 */
public record InboxPage(List<InboxRow> rows, int page, int size, long total, boolean more) {

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < pages();
	}

	/** The most threads a page counts, for "more than … threads match". */
	public int cap() {
		return Inbox.TOTAL_CAP;
	}

}
