package id.otos.messaging.threads;

import java.util.List;

/**
 * A page of the inbox and where it stands among all pages.
 */
public record InboxPage(List<InboxRow> rows, int page, int size, long total) {

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < pages();
	}

}
