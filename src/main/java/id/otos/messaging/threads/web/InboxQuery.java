package id.otos.messaging.threads.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import id.otos.messaging.threads.InboxFilter;
import id.otos.messaging.threads.InboxOrder;
import id.otos.messaging.threads.InboxScope;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.StaffFilter;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadType;

import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox's query string as typed: {@code status}, {@code type}, {@code search},
 * {@code page}, and for people who answer threads {@code scope} ({@code desk} or
 * {@code all}), {@code assigned} ({@code me} or {@code none}), {@code unread}
 * ({@code 1}), {@code priority}, {@code category} (an id), {@code overdue} ({@code 1}),
 * {@code waiting} (hours) and {@code sort} ({@code activity} or {@code urgency}). A value
 * that does not parse is dropped (and the page says so), never an error.
 */
public record InboxQuery(@BindParam("status") String statusCode, @BindParam("type") String typeCode, String search,
		@BindParam("page") String pageNumber, @BindParam("scope") String scopeCode, String assigned,
		@BindParam("unread") String unreadFlag, @BindParam("priority") String priorityCode,
		@BindParam("category") String categoryText, @BindParam("overdue") String overdueFlag,
		@BindParam("waiting") String waitingText, @BindParam("sort") String sortCode) {

	private static final String FLAG = "1";

	public ThreadStatus status() {
		return FormValues.parse(this.statusCode, ThreadStatus::fromCode).orElse(null);
	}

	public ThreadType type() {
		return FormValues.parse(this.typeCode, ThreadType::fromCode).orElse(null);
	}

	public int page() {
		return FormValues.parse(this.pageNumber, Integer::valueOf).filter((page) -> page > 0).orElse(1);
	}

	public InboxScope scope() {
		return FormValues.parse(this.scopeCode, InboxScope::fromCode).orElse(null);
	}

	public boolean assignedToMe() {
		return "me".equals(assignedValue().orElse(null));
	}

	public boolean unassigned() {
		return "none".equals(assignedValue().orElse(null));
	}

	public boolean unread() {
		return FLAG.equals(strip(this.unreadFlag));
	}

	public Priority priority() {
		return FormValues.parse(this.priorityCode, Priority::fromCode).orElse(null);
	}

	public Long category() {
		return FormValues.parse(this.categoryText, Long::valueOf).filter((id) -> id > 0).orElse(null);
	}

	public boolean overdue() {
		return FLAG.equals(strip(this.overdueFlag));
	}

	public Integer waiting() {
		return FormValues.parse(this.waitingText, Integer::valueOf)
			.filter((hours) -> hours >= 0 && hours <= StaffFilter.WAITING_HOURS_MAX)
			.orElse(null);
	}

	public InboxOrder sort() {
		return FormValues.parse(this.sortCode, InboxOrder::fromCode).orElse(InboxOrder.ACTIVITY);
	}

	/** Whether something in the query was not understood and was left out. */
	public boolean hasInvalidValues() {
		return (FormValues.present(this.statusCode) && status() == null)
				|| (FormValues.present(this.typeCode) && type() == null)
				|| (FormValues.present(this.pageNumber)
						&& page() != FormValues.parse(this.pageNumber, Integer::valueOf).orElse(-1))
				|| (FormValues.present(this.scopeCode) && scope() == null)
				|| (assignedValue().isPresent() && !assignedToMe() && !unassigned())
				|| (FormValues.present(this.unreadFlag) && !unread())
				|| (FormValues.present(this.priorityCode) && priority() == null)
				|| (FormValues.present(this.categoryText) && category() == null)
				|| (FormValues.present(this.overdueFlag) && !overdue())
				|| (FormValues.present(this.waitingText) && waiting() == null) || (FormValues.present(this.sortCode)
						&& FormValues.parse(this.sortCode, InboxOrder::fromCode).isEmpty());
	}

	public boolean isFiltered() {
		return status() != null || type() != null || FormValues.present(this.search) || scope() != null
				|| assignedToMe() || unassigned() || unread() || priority() != null || category() != null || overdue()
				|| waiting() != null || sort() != InboxOrder.ACTIVITY;
	}

	InboxFilter toFilter(int pageSize) {
		StaffFilter staff = new StaffFilter(scope(), assignedToMe(), unassigned(), unread(), priority(), category(),
				overdue(), waiting(), sort());
		return new InboxFilter(status(), type(), this.search, page(), pageSize, staff);
	}

	/**
	 * The inbox's address with this query's understood values on another page, for the
	 * page links ({@code /messages/}) and the live list ({@code /messages/rows/}).
	 * @param path the page's path
	 * @param pageNumber which page
	 * @return the path with its query string
	 */
	public String link(String path, int pageNumber) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		add(link, "status", (status() != null) ? status().code() : null);
		add(link, "type", (type() != null) ? type().code() : null);
		add(link, "search", FormValues.present(this.search) ? this.search.strip() : null);
		add(link, "scope", (scope() != null) ? scope().code() : null);
		add(link, "assigned", assignedToMe() ? "me" : (unassigned() ? "none" : null));
		add(link, "unread", unread() ? FLAG : null);
		add(link, "priority", (priority() != null) ? priority().code() : null);
		add(link, "category", (category() != null) ? category().toString() : null);
		add(link, "overdue", overdue() ? FLAG : null);
		add(link, "waiting", (waiting() != null) ? waiting().toString() : null);
		add(link, "sort", (sort() != InboxOrder.ACTIVITY) ? sort().code() : null);
		add(link, "page", Integer.toString(pageNumber));
		return link.build(true).toUriString();
	}

	private static void add(UriComponentsBuilder link, String name, String value) {
		if (value != null) {
			link.queryParam(name, URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private Optional<String> assignedValue() {
		return Optional.ofNullable(strip(this.assigned)).filter((value) -> !value.isEmpty());
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

}
