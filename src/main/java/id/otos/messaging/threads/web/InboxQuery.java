package id.otos.messaging.threads.web;

import id.otos.messaging.threads.InboxFilter;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadType;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The inbox's query string as typed: {@code status}, {@code type}, {@code search},
 * {@code page}. A value that does not parse is dropped (and the page says so), never an
 * error.
 */
public record InboxQuery(@BindParam("status") String statusCode, @BindParam("type") String typeCode, String search,
		@BindParam("page") String pageNumber) {

	public ThreadStatus status() {
		return FormValues.parse(this.statusCode, ThreadStatus::fromCode).orElse(null);
	}

	public ThreadType type() {
		return FormValues.parse(this.typeCode, ThreadType::fromCode).orElse(null);
	}

	public int page() {
		return FormValues.parse(this.pageNumber, Integer::valueOf).filter((page) -> page > 0).orElse(1);
	}

	/** Whether something in the query was not understood and was left out. */
	public boolean hasInvalidValues() {
		return (FormValues.present(this.statusCode) && status() == null)
				|| (FormValues.present(this.typeCode) && type() == null) || (FormValues.present(this.pageNumber)
						&& page() != FormValues.parse(this.pageNumber, Integer::valueOf).orElse(-1));
	}

	public boolean isFiltered() {
		return status() != null || type() != null || FormValues.present(this.search);
	}

	InboxFilter toFilter(int pageSize) {
		return new InboxFilter(status(), type(), this.search, page(), pageSize);
	}

}
