package id.otos.messaging.threads.web;

import id.otos.messaging.threads.InboxFilter;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadType;

/**
 * The inbox's query string: {@code status}, {@code type}, {@code search}, {@code page}. A
 * value that does not parse is dropped (and the page says so), never an error page.
 */
public record InboxQuery(ThreadStatus status, ThreadType type, String search, Integer page) {

	InboxFilter toFilter(int pageSize) {
		return new InboxFilter(this.status, this.type, this.search, (this.page != null) ? this.page : 1, pageSize);
	}

	public boolean isFiltered() {
		return this.status != null || this.type != null || (this.search != null && !this.search.isBlank());
	}

}
