package id.otos.messaging.threads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import id.otos.messaging.database.DatabaseProduct;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox and the unread count, read straight from the database with the desk rule of
 * {@link DeskQuery}: one statement for a page of rows with the total, one for the count.
 * The count is, by construction, the sum of the rows' badges over the whole desk.
 */
@Service
public class Inbox {

	private static final String UNREAD = """
			(select count(*) from otosapp_message m
			 where m.thread_id = t.id and m.sender_id <> :me
			   and m.id > coalesce((select r.last_read_message_id from otos_thread_read r
			                        where r.thread_id = t.id and r.user_id = :me), 0))""";

	/**
	 * The unread messages of {@code :me} over their desk ({@code %s} is the desk
	 * condition): the one definition behind the count and the e-mail digests.
	 */
	private static final String UNREAD_MESSAGES = """
			from otosapp_message m
			join otosapp_messagethread t on t.id = m.thread_id
			left join otos_thread_read r on r.thread_id = t.id and r.user_id = :me
			where %s and m.sender_id <> :me and m.id > coalesce(r.last_read_message_id, 0)
			""";

	/**
	 * Whether thread {@code t} is overdue: neither resolved nor closed, and its student
	 * has waited for an answer longer than the response target of its priority
	 * ({@code :now} is the time of the question). Each priority's deadline is an
	 * uncorrelated subquery the database works out once per statement, not once per
	 * thread, and a thread of a priority with no target is never overdue.
	 */
	static final String OVERDUE = """
			(t.status in ('open', 'pending') and t.awaiting_reply_since < case t.priority
			   when 'urgent' then %s when 'high' then %s when 'normal' then %s when 'low' then %s end)"""
		.formatted(deadline("urgent"), deadline("high"), deadline("normal"), deadline("low"));

	/**
	 * The sort keys of the urgency order, as columns of a candidate row: overdue threads
	 * first, then by priority from urgent to low, then whoever has waited longest.
	 */
	private static final String URGENCY_KEYS = """
			case when %s then 0 else 1 end as overdue_rank,
			case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end as priority_rank,
			t.awaiting_reply_since""".formatted(OVERDUE);

	private static final String URGENCY_ORDER = "overdue_rank, priority_rank, awaiting_reply_since, last_activity desc, id desc";

	private static final String ACTIVITY_ORDER = "last_activity desc, id desc";

	/**
	 * The most threads a page's total counts: a page lists at most this many candidates,
	 * found in the order asked for, so that a search or a listing over every thread an
	 * admin may open reads a bounded number of rows however many threads there are; a
	 * page says when more than this many match ("narrow the search").
	 */
	public static final int TOTAL_CAP = 1000;

	/**
	 * Leaves out the threads of the viewer's own broadcasts that nobody else has written
	 * in yet (no message, no note from anyone but the viewer): the sender sees such a
	 * broadcast once, on its own page, instead of one row per student. Such a thread has,
	 * by this very condition, nothing unread for the viewer (a badge counts only what
	 * others wrote), so leaving it out changes neither the sum of the badges nor the
	 * count; the moment a student (or anyone else) writes, it is a row like any other.
	 */
	private static final String NOT_A_SILENT_BROADCAST_OF_MINE = """
			and not exists (select 1 from otos_broadcast_thread bt
			                join otos_broadcast b on b.id = bt.broadcast_id
			                where bt.thread_id = t.id and b.sender_id = :me
			                  and not exists (select 1 from otosapp_message om
			                                  where om.thread_id = t.id and om.sender_id <> :me)
			                  and not exists (select 1 from otos_thread_note onote
			                                  where onote.thread_id = t.id and coalesce(onote.author_id, 0) <> :me))""";

	private static final String TITLE_MATCHES = "lower(t.title) like :search escape '\\'";

	private static final String MESSAGE_MATCHES = """
			exists (select 1 from otosapp_message sm
			        where sm.thread_id = t.id and lower(sm.content) like :search escape '\\')""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Timer unreadCountTimer;

	/**
	 * Whether the database plans a {@code materialized} common table expression apart.
	 */
	private final boolean materializes;

	Inbox(JdbcClient jdbc, DataSource dataSource, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.materializes = DatabaseProduct.of(dataSource) == DatabaseProduct.POSTGRESQL;
		this.unreadCountTimer = Timer.builder("otos.unread.count")
			.description("Time to count a person's unread messages")
			.register(meters);
	}

	/**
	 * One page of the viewer's inbox, in the filter's order (newest activity first unless
	 * asked otherwise), and how many threads the filter finds, up to {@link #TOTAL_CAP}:
	 * one statement (the total rides on each row); a page past the last row, however far,
	 * is the last page (two more statements).
	 */
	@Transactional(readOnly = true)
	public InboxPage page(Viewer viewer, InboxFilter filter) {
		InboxPage page = pageAsAsked(viewer, filter);
		if (page.rows().isEmpty() && page.page() > page.pages()) {
			return pageAsAsked(viewer, filter.onPage(page.pages()));
		}
		return page;
	}

	private InboxPage pageAsAsked(Viewer viewer, InboxFilter filter) {
		Map<String, Object> parameters = new HashMap<>(DeskQuery.of(viewer).parameters());
		String candidates = candidates(viewer, filter, parameters, TOTAL_CAP + 1);
		parameters.put("limit", filter.size());
		parameters.put("offset", (long) (filter.page() - 1) * filter.size());
		String order = order(viewer, filter);
		// PostgreSQL plans the candidates apart, for all their rows: inside the page's
		// query
		// the page's limit made it prefer a walk over every thread in activity order that
		// stops early, which for a teacher's few threads never does (BENCHMARKS.md).
		String fenced = this.materializes ? "with k as materialized (" + candidates + ") " : "";
		String source = this.materializes ? "k" : "(" + candidates + ") k";
		List<TotalAndRow> found = this.jdbc.sql(fenced + """
				select p.total, t.id, t.title, t.thread_type, t.status, t.priority, t.last_activity,
				       c.category_name,
				       trim(su.first_name || ' ' || su.last_name) as student_name,
				       trim(hu.first_name || ' ' || hu.last_name) as handler_name,
				       substring(lm.content, 1, 140) as preview,
				       %s as unread,
				       case when %s then 1 else 0 end as overdue
				from (select k.id, count(*) over () as total, row_number() over (order by %s) as position
				      from %s
				      order by %s
				      limit :limit offset :offset) p
				join otosapp_messagethread t on t.id = p.id
				left join otosapp_category c on c.id = t.category_id
				join otosapp_user su on su.id = t.student_id
				left join otosapp_user hu on hu.id = t.teacher_or_admin_id
				left join otosapp_message lm on lm.id = t.last_message_id
				order by p.position
				""".formatted(unreadOfRow(viewer), OVERDUE, order, source, order))
			.params(parameters)
			.query((rs, rowNumber) -> new TotalAndRow(rs.getLong("total"), row(rs, rowNumber)))
			.list();
		long total;
		if (!found.isEmpty()) {
			total = found.get(0).total();
		}
		else if (filter.page() == 1) {
			total = 0;
		}
		else {
			total = this.jdbc.sql("select count(*) from (" + candidates + ") k")
				.params(parameters)
				.query(Long.class)
				.single();
		}
		return new InboxPage(found.stream().map(TotalAndRow::row).toList(), filter.page(), filter.size(),
				Math.min(total, TOTAL_CAP), total > TOTAL_CAP);
	}

	/**
	 * The first {@code cap} threads the filter finds, in its order: a query whose rows
	 * are the thread's id and its sort keys. A search for words is two branches, one over
	 * titles and one over messages, so that the database can answer each from its own
	 * index (on PostgreSQL, a trigram index: a rare word is a lookup, a common one is
	 * found in the first few threads walked in order).
	 *
	 * <p>
	 * The cap is written into the statement, not bound: PostgreSQL plans a statement the
	 * driver has prepared once for every value, and takes a bound limit for a tenth of
	 * the rows; it then walked every thread backwards by activity for a teacher's few
	 * (the teacher's inbox page: candidates in 24 ms instead of about 3 ms at 1x,
	 * BENCHMARKS.md).
	 * @param cap how many at most, or 0 for all of them
	 */
	private String candidates(Viewer viewer, InboxFilter filter, Map<String, Object> parameters, int cap) {
		String where = where(viewer, filter, parameters);
		String order = order(viewer, filter);
		String limit = (cap > 0) ? " limit " + cap : "";
		parameters.put("now", Timestamp.from(this.clock.instant()));
		String columns = "t.id, t.last_activity"
				+ ((staffFilter(viewer, filter).order() == InboxOrder.URGENCY) ? ", " + URGENCY_KEYS : "");
		String branch = "select " + columns + " from otosapp_messagethread t where %s%s order by " + order + limit;
		if (filter.search() == null) {
			return branch.formatted(where, "");
		}
		parameters.put("search", "%" + escapeLike(filter.search().toLowerCase(Locale.ROOT)) + "%");
		return "select * from ((" + branch.formatted(where, " and " + TITLE_MATCHES) + ") union ("
				+ branch.formatted(where, " and " + MESSAGE_MATCHES) + ")) u order by " + order + limit;
	}

	private String order(Viewer viewer, InboxFilter filter) {
		return (staffFilter(viewer, filter).order() == InboxOrder.URGENCY) ? URGENCY_ORDER : ACTIVITY_ORDER;
	}

	/**
	 * Every thread the filter finds (its page ignored), in its order, one row at a time
	 * as the database sends them (fetched 500 at a time, so a large export is never held
	 * whole in memory): for the CSV export.
	 * @param viewer whose desk, or everything they may open
	 * @param filter which threads, in which order
	 * @param each called with each row
	 */
	@Transactional(readOnly = true)
	public void export(Viewer viewer, InboxFilter filter, Consumer<InboxRow> each) {
		Map<String, Object> parameters = new HashMap<>(DeskQuery.of(viewer).parameters());
		String candidates = candidates(viewer, filter, parameters, 0);
		String order = Arrays.stream(order(viewer, filter).split(", "))
			.map((key) -> "k." + key)
			.collect(Collectors.joining(", "));
		this.jdbc.sql("""
				select t.id, t.title, t.thread_type, t.status, t.priority, t.last_activity,
				       c.category_name,
				       trim(su.first_name || ' ' || su.last_name) as student_name,
				       trim(hu.first_name || ' ' || hu.last_name) as handler_name,
				       substring(lm.content, 1, 140) as preview,
				       %s as unread,
				       case when %s then 1 else 0 end as overdue
				from (%s) k
				join otosapp_messagethread t on t.id = k.id
				left join otosapp_category c on c.id = t.category_id
				join otosapp_user su on su.id = t.student_id
				left join otosapp_user hu on hu.id = t.teacher_or_admin_id
				left join otosapp_message lm on lm.id = t.last_message_id
				order by %s
				""".formatted(unreadOfRow(viewer), OVERDUE, candidates, order))
			.withFetchSize(500)
			.params(parameters)
			.query((RowCallbackHandler) (rs) -> each.accept(row(rs, 0)));
	}

	/**
	 * Unread messages over the viewer's whole desk (and, for those who read them, unread
	 * internal notes): the sum of every inbox badge.
	 */
	@Transactional(readOnly = true)
	public long unreadCount(Viewer viewer) {
		DeskQuery desk = DeskQuery.of(viewer);
		String messages = "select count(*) " + UNREAD_MESSAGES.formatted(desk.condition());
		String count = ThreadAccess.readsNotes(viewer) ? "select (" + messages + ") + (select count(*) "
				+ UnreadNotes.OVER_DESK.formatted(desk.condition()) + ")" : messages;
		return this.unreadCountTimer
			.record(() -> this.jdbc.sql(count).params(desk.parameters()).query(Long.class).single());
	}

	/**
	 * The highest message id there is now ({@code 0} if none): read after a count, it
	 * bounds the messages that count may hold ({@link UnreadCounts}).
	 * @return the id
	 */
	@Transactional(readOnly = true)
	public long lastMessageId() {
		return this.jdbc.sql("select coalesce(max(id), 0) from otosapp_message").query(Long.class).single();
	}

	/**
	 * The threads behind {@link #unreadCount}, one row per thread with unread messages
	 * (or, for those who read them, unread internal notes), newest message first: their
	 * badges add up to the count. {@link UnreadThread#oldestNewAt()} is the time of the
	 * oldest unread message with an id above {@code afterMessageId} posted after
	 * {@code since} (for "not yet told about"), or null.
	 * @param viewer whose desk and read positions
	 * @param afterMessageId messages up to this id count as already told about
	 * @param since messages posted before this count as already told about
	 * @return the threads with unread messages
	 */
	@Transactional(readOnly = true)
	public List<UnreadThread> unreadThreads(Viewer viewer, long afterMessageId, Instant since) {
		DeskQuery desk = DeskQuery.of(viewer);
		Map<String, Object> parameters = new HashMap<>(desk.parameters());
		parameters.put("after", afterMessageId);
		parameters.put("since", Timestamp.from(since));
		String messages = """
				select t.id, t.title, count(*) as unread, max(m.id) as newest_id,
				       min(case when m.id > :after and m.created_at > :since then m.created_at end) as oldest_new_at
				%s
				group by t.id, t.title
				""".formatted(UNREAD_MESSAGES.formatted(desk.condition()));
		// Unread notes add to a thread's count, but are never news of their own: an
		// e-mail is due for messages only, and covers messages up to newest_id.
		String threads = !ThreadAccess.readsNotes(viewer) ? messages + "order by max(m.id) desc" : """
				select u.id, u.title, sum(u.unread) as unread, max(u.newest_id) as newest_id,
				       min(u.oldest_new_at) as oldest_new_at
				from (%s
				      union all
				      select t.id, t.title, count(*), 0, cast(null as timestamp with time zone)
				      %s
				      group by t.id, t.title) u
				group by u.id, u.title
				order by max(u.newest_id) desc, u.id desc
				""".formatted(messages, UnreadNotes.OVER_DESK.formatted(desk.condition()));
		return this.jdbc.sql(threads)
			.params(parameters)
			.query((rs, rowNumber) -> new UnreadThread(rs.getLong("id"), rs.getString("title"), rs.getLong("unread"),
					rs.getLong("newest_id"), instantOrNull(rs.getTimestamp("oldest_new_at"))))
			.list();
	}

	/**
	 * Threads of a student that others resolved, closed or reopened, after the audit
	 * entry {@code afterAuditId}, oldest first.
	 * @param studentId whose threads
	 * @param afterAuditId entries up to this id are left out
	 * @return the changes
	 */
	@Transactional(readOnly = true)
	public List<StatusChange> statusChangesOfStudent(long studentId, long afterAuditId) {
		return this.jdbc.sql("""
				select a.id, a.thread_id, t.title, a.from_value, a.to_value, a.created_at
				from otos_thread_audit a
				join otosapp_messagethread t on t.id = a.thread_id
				where t.student_id = :student and a.id > :after and a.action = 'status'
				  and (a.actor_id is null or a.actor_id <> :student)
				  and (a.to_value in ('resolved', 'closed') or a.from_value in ('resolved', 'closed'))
				order by a.id
				""")
			.param("student", studentId)
			.param("after", afterAuditId)
			.query((rs, rowNumber) -> new StatusChange(rs.getLong("id"), rs.getLong("thread_id"), rs.getString("title"),
					ThreadStatus.fromCode(rs.getString("from_value")), ThreadStatus.fromCode(rs.getString("to_value")),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private static Instant instantOrNull(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The staff's filters apply to people who answer threads; students' inboxes ignore
	 * them.
	 */
	private static StaffFilter staffFilter(Viewer viewer, InboxFilter filter) {
		return ThreadAccess.usesStaffTools(viewer) ? filter.staff() : StaffFilter.NONE;
	}

	private String where(Viewer viewer, InboxFilter filter, Map<String, Object> parameters) {
		boolean beyondDesk = ThreadAccess.usesStaffTools(viewer) && filter.looksBeyondDesk();
		StringBuilder where = new StringBuilder(
				beyondDesk ? DeskQuery.openable(viewer).condition() : DeskQuery.of(viewer).condition());
		staffConditions(viewer, staffFilter(viewer, filter), where, parameters);
		if (ThreadAccess.mayBroadcast(viewer)) {
			where.append(" ").append(NOT_A_SILENT_BROADCAST_OF_MINE);
		}
		if (filter.status() != null) {
			where.append(" and t.status = :status");
			parameters.put("status", filter.status().code());
		}
		if (filter.type() != null) {
			where.append(" and t.thread_type = :type");
			parameters.put("type", filter.type().code());
		}
		return where.toString();
	}

	private void staffConditions(Viewer viewer, StaffFilter staff, StringBuilder where,
			Map<String, Object> parameters) {
		if (staff.assignedToMe()) {
			where.append(" and t.teacher_or_admin_id = :me");
		}
		if (staff.unassigned()) {
			where.append(" and t.teacher_or_admin_id is null");
		}
		if (staff.unreadByMe()) {
			where.append(" and ").append(unreadOfRow(viewer)).append(" > 0");
		}
		if (staff.priority() != null) {
			where.append(" and t.priority = :priority");
			parameters.put("priority", staff.priority().code());
		}
		if (staff.categoryId() != null) {
			where.append(" and t.category_id = :category");
			parameters.put("category", staff.categoryId());
		}
		if (staff.overdue()) {
			where.append(" and ").append(OVERDUE);
		}
		if (staff.waitingHours() != null) {
			where.append(" and t.status in ('open', 'pending') and t.awaiting_reply_since <= :waitingSince");
			parameters.put("waitingSince",
					Timestamp.from(this.clock.instant().minus(Duration.ofHours(staff.waitingHours()))));
		}
	}

	/** An inbox row's badge: its unread messages, and notes for those who read them. */
	private static String unreadOfRow(Viewer viewer) {
		return ThreadAccess.readsNotes(viewer) ? "(" + UNREAD + " + " + UnreadNotes.OF_THREAD + ")" : UNREAD;
	}

	/** When a thread of the priority became overdue if its student has waited since. */
	private static String deadline(String priority) {
		return "(select cast(:now as timestamp with time zone) - rt.target_minutes * interval '1' minute from otos_response_target rt where rt.priority = '"
				+ priority + "')";
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static InboxRow row(ResultSet rs, int rowNumber) throws SQLException {
		return new InboxRow(rs.getLong("id"), rs.getString("title"), ThreadType.fromCode(rs.getString("thread_type")),
				ThreadStatus.fromCode(rs.getString("status")), Priority.fromCode(rs.getString("priority")),
				rs.getString("category_name"), rs.getString("student_name"), rs.getString("handler_name"),
				rs.getTimestamp("last_activity").toInstant(), rs.getString("preview"), rs.getLong("unread"),
				rs.getInt("overdue") == 1);
	}

	private record TotalAndRow(long total, InboxRow row) {

	}

}
