package id.otos.messaging.threads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Response times: the targets per priority that admins set, whether a thread is overdue
 * (the one rule, {@link Inbox#OVERDUE}, in SQL), and what students are told about how
 * soon a category's questions are usually answered. The times themselves are kept on the
 * thread ({@link MessageThread#getFirstResponseAt()},
 * {@link MessageThread#getResolvedAt()}, {@link MessageThread#getAwaitingReplySince()}),
 * set in the transaction of the reply or the status move.
 */
@Service
public class ResponseTimes {

	/** The shortest target one may set: a quarter of an hour. */
	public static final int TARGET_HOURS_MIN = 1;

	/** The longest target one may set: 60 days. */
	public static final int TARGET_HOURS_MAX = 24 * 60;

	/** How far back "usually answered within" looks. */
	static final Duration USUAL_WINDOW = Duration.ofDays(30);

	/** How many threads "usually answered within" needs before it says anything. */
	static final int USUAL_MINIMUM = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	ResponseTimes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The response target of each priority. */
	@Transactional(readOnly = true)
	public Map<Priority, Duration> targets() {
		Map<Priority, Duration> targets = new EnumMap<>(Priority.class);
		this.jdbc.sql("select priority, target_minutes from otos_response_target")
			.query((rs, rowNumber) -> targets.put(Priority.fromCode(rs.getString("priority")),
					Duration.ofMinutes(rs.getInt("target_minutes"))))
			.list();
		return targets;
	}

	/**
	 * Sets the response targets, in whole hours, for every priority at once; admins only.
	 * @param by who sets them
	 * @param hours the target of each priority, {@value #TARGET_HOURS_MIN} to
	 * {@value #TARGET_HOURS_MAX} hours
	 */
	@Transactional
	public void setTargets(Viewer by, Map<Priority, Integer> hours) {
		if (!ThreadAccess.maySetResponseTargets(by)) {
			throw new ThreadForbiddenException("set response targets");
		}
		for (Priority priority : Priority.values()) {
			Integer target = hours.get(priority);
			if (target == null || target < TARGET_HOURS_MIN || target > TARGET_HOURS_MAX) {
				throw new ThreadRuleException("targets.error.range", TARGET_HOURS_MIN, TARGET_HOURS_MAX);
			}
		}
		for (Priority priority : Priority.values()) {
			int minutes = hours.get(priority) * 60;
			int updated = this.jdbc.sql("update otos_response_target set target_minutes = :minutes where priority = :p")
				.param("minutes", minutes)
				.param("p", priority.code())
				.update();
			if (updated == 0) {
				this.jdbc.sql("insert into otos_response_target (priority, target_minutes) values (:p, :minutes)")
					.param("minutes", minutes)
					.param("p", priority.code())
					.update();
			}
		}
	}

	/**
	 * Whether the thread is overdue now: neither resolved nor closed, and its student has
	 * waited for an answer longer than its priority's target. The caller has checked that
	 * the viewer may open it.
	 */
	@Transactional(readOnly = true)
	public boolean isOverdue(long threadId) {
		return this.jdbc.sql("select count(*) from otosapp_messagethread t where t.id = :id and " + Inbox.OVERDUE)
			.param("id", threadId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single() > 0;
	}

	/** How many threads are overdue now, over every desk. */
	@Transactional(readOnly = true)
	public long overdueCount() {
		return this.jdbc.sql("select count(*) from otosapp_messagethread t where " + Inbox.OVERDUE)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	/**
	 * For each desk a new thread goes to (an academic question's category, or the type of
	 * any other thread) with enough threads, how soon it is usually answered: the median
	 * time to the first response of the threads students opened there in the last 30
	 * days. A thread still unanswered counts with its wait so far once that wait is
	 * longer than the answered threads' median (it can only make the median longer); a
	 * younger unanswered thread says nothing yet and is left out. Fewer than
	 * {@value #USUAL_MINIMUM} threads: nothing is said. Rounded up, as students read it.
	 * @return the usual waits of the desks with enough threads
	 */
	@Transactional(readOnly = true)
	public UsualWaits usualWaits() {
		return usualWaits(null, null);
	}

	/**
	 * {@link #usualWaits()} for the desk of one thread: what a student's thread page
	 * shows.
	 * @param type the thread's type
	 * @param categoryId its category (academic threads), or null
	 * @return the usual wait, if that desk has enough threads
	 */
	@Transactional(readOnly = true)
	public Optional<UsualWait> usualWait(ThreadType type, Long categoryId) {
		if (type == ThreadType.ACADEMIC) {
			return (categoryId != null) ? Optional.ofNullable(usualWaits(type, categoryId).byCategory().get(categoryId))
					: Optional.empty();
		}
		return Optional.ofNullable(usualWaits(type, null).byType().get(type));
	}

	/**
	 * @param type only threads of this type, or null for all
	 * @param categoryId only threads of this category, or null for all
	 */
	private UsualWaits usualWaits(ThreadType type, Long categoryId) {
		Instant now = this.clock.instant();
		Map<Object, List<Duration>> answered = new HashMap<>();
		Map<Object, List<Duration>> unanswered = new HashMap<>();
		this.jdbc
			.sql("""
					select t.thread_type, t.category_id, t.created_at, t.first_response_at
					from otosapp_messagethread t
					where t.created_at >= :since and t.created_at <= :now
					  and (t.created_by_id is null or t.created_by_id = t.student_id)
					  %s %s
					""".formatted((type != null) ? "and t.thread_type = :type" : "",
					(categoryId != null) ? "and t.category_id = :category" : ""))
			.param("type", (type != null) ? type.code() : "")
			.param("category", (categoryId != null) ? categoryId : -1L)
			.param("since", Timestamp.from(now.minus(USUAL_WINDOW)))
			.param("now", Timestamp.from(now))
			.query((RowCallbackHandler) (rs) -> {
				ThreadType rowType = ThreadType.fromCode(rs.getString("thread_type"));
				long category = rs.getLong("category_id");
				Object desk = (rowType != ThreadType.ACADEMIC) ? rowType : rs.wasNull() ? null : category;
				if (desk != null) {
					Instant created = rs.getTimestamp("created_at").toInstant();
					Timestamp first = rs.getTimestamp("first_response_at");
					Map<Object, List<Duration>> into = (first != null) ? answered : unanswered;
					Instant end = (first != null) ? first.toInstant() : now;
					into.computeIfAbsent(desk, (key) -> new ArrayList<>()).add(Duration.between(created, end));
				}
			});
		Map<Long, UsualWait> byCategory = new HashMap<>();
		Map<ThreadType, UsualWait> byType = new EnumMap<>(ThreadType.class);
		answered
			.forEach((desk, times) -> median(times, unanswered.getOrDefault(desk, List.of())).map(UsualWait::roundedUp)
				.ifPresent((usual) -> {
					if (desk instanceof ThreadType deskType) {
						byType.put(deskType, usual);
					}
					else {
						byCategory.put((Long) desk, usual);
					}
				}));
		return new UsualWaits(byCategory, byType);
	}

	static Optional<Duration> median(List<Duration> answered, List<Duration> unanswered) {
		Optional<Duration> answeredMedian = plainMedian(answered);
		if (answeredMedian.isEmpty()) {
			return Optional.empty();
		}
		List<Duration> all = new ArrayList<>(answered);
		unanswered.stream().filter((wait) -> wait.compareTo(answeredMedian.get()) > 0).forEach(all::add);
		return (all.size() >= USUAL_MINIMUM) ? plainMedian(all) : Optional.empty();
	}

	private static Optional<Duration> plainMedian(List<Duration> times) {
		if (times.isEmpty()) {
			return Optional.empty();
		}
		List<Duration> sorted = times.stream().sorted().toList();
		int middle = sorted.size() / 2;
		if (sorted.size() % 2 == 1) {
			return Optional.of(sorted.get(middle));
		}
		return Optional.of(sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
	}

}
