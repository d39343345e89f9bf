package id.otos.messaging.threads;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's overview: open and waiting threads per desk and per category, overdue
 * threads, first-response medians per category and per teacher over the last four weeks,
 * and new threads per day. Operators and admins see every thread they may open
 * ({@link DeskQuery#openable}: admins all, operators the non-academic ones); a teacher
 * sees their own desk ({@link DeskQuery#of}), not their colleagues' figures; students
 * have no overview. Two statements, whatever the number of threads.
 */
@Service
public class Overview {

	/** How far back the medians and the threads per day look. */
	static final Duration WINDOW = Duration.ofDays(28);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	Overview(JdbcClient jdbc, Clock clock, @Value("${otos.time-zone:Asia/Jakarta}") ZoneId zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Whether the viewer has an overview at all ({@link ThreadAccess#usesStaffTools}).
	 */
	public static boolean mayView(Viewer viewer) {
		return ThreadAccess.usesStaffTools(viewer);
	}

	@Transactional(readOnly = true)
	public Dashboard of(Viewer viewer) {
		if (!mayView(viewer)) {
			throw new ThreadForbiddenException("view the overview");
		}
		DeskQuery scope = viewer.isTeacher() ? DeskQuery.of(viewer) : DeskQuery.openable(viewer);
		Instant now = this.clock.instant();
		Map<String, Object> parameters = new HashMap<>(scope.parameters());
		parameters.put("now", Timestamp.from(now));
		Map<Key, Count> desks = new LinkedHashMap<>();
		Map<Key, Count> categories = new LinkedHashMap<>();
		long[] overdue = { 0 };
		this.jdbc.sql("""
				select a.teacher_or_admin_id, trim(hu.first_name || ' ' || hu.last_name) as handler_name,
				       a.category_id, c.category_name, a.open_count, a.waiting_count, a.overdue_count
				from (select t.teacher_or_admin_id, t.category_id,
				             count(*) as open_count,
				             sum(case when t.awaiting_reply_since is not null then 1 else 0 end) as waiting_count,
				             sum(case when %s then 1 else 0 end) as overdue_count
				      from otosapp_messagethread t
				      where %s and t.status in ('open', 'pending')
				      group by t.teacher_or_admin_id, t.category_id) a
				left join otosapp_user hu on hu.id = a.teacher_or_admin_id
				left join otosapp_category c on c.id = a.category_id
				""".formatted(Inbox.OVERDUE, scope.condition())).params(parameters).query((rs, rowNumber) -> {
			Count count = new Count(rs.getLong("open_count"), rs.getLong("waiting_count"));
			desks.merge(Key.of(rs.getLong("teacher_or_admin_id"), rs.getString("handler_name")), count, Count::plus);
			categories.merge(Key.of(rs.getLong("category_id"), rs.getString("category_name")), count, Count::plus);
			overdue[0] += rs.getLong("overdue_count");
			return count;
		}).list();
		Instant since = now.minus(WINDOW);
		parameters.put("since", Timestamp.from(since));
		Map<LocalDate, Long> perDay = new TreeMap<>();
		for (LocalDate day = since.atZone(this.zone).toLocalDate(); !day
			.isAfter(now.atZone(this.zone).toLocalDate()); day = day.plusDays(1)) {
			perDay.put(day, 0L);
		}
		Map<Key, List<Duration>> byCategory = new TreeMap<>();
		Map<Key, List<Duration>> byTeacher = new TreeMap<>();
		this.jdbc.sql("""
				select t.created_at, t.first_response_at, t.thread_type, t.category_id, c.category_name,
				       t.teacher_or_admin_id,
				       trim(hu.first_name || ' ' || hu.last_name) as handler_name
				from otosapp_messagethread t
				left join otosapp_user hu on hu.id = t.teacher_or_admin_id
				left join otosapp_category c on c.id = t.category_id
				where %s and t.created_at >= :since and t.created_at <= :now
				""".formatted(scope.condition())).params(parameters).query((rs, rowNumber) -> {
			Instant created = rs.getTimestamp("created_at").toInstant();
			perDay.merge(created.atZone(this.zone).toLocalDate(), 1L, Long::sum);
			Timestamp first = rs.getTimestamp("first_response_at");
			if (first != null) {
				Duration wait = Duration.between(created, first.toInstant());
				Key category = Key.of(rs.getLong("category_id"), rs.getString("category_name"));
				if (rs.getString("category_name") != null) {
					byCategory.computeIfAbsent(category, (key) -> new ArrayList<>()).add(wait);
				}
				if ("academic".equals(rs.getString("thread_type")) && rs.getString("handler_name") != null) {
					byTeacher
						.computeIfAbsent(Key.of(rs.getLong("teacher_or_admin_id"), rs.getString("handler_name")),
								(key) -> new ArrayList<>())
						.add(wait);
				}
			}
			return created;
		}).list();
		return new Dashboard(bars(desks, Count::open), bars(desks, Count::waiting), bars(categories, Count::open),
				bars(categories, Count::waiting), overdue[0], medians(byCategory), medians(byTeacher), days(perDay));
	}

	private static List<Bar> bars(Map<Key, Count> counts, java.util.function.ToLongFunction<Count> value) {
		long max = counts.values().stream().mapToLong(value).max().orElse(0);
		return counts.entrySet()
			.stream()
			.filter((entry) -> value.applyAsLong(entry.getValue()) > 0)
			.sorted(Comparator.comparingLong((Map.Entry<Key, Count> entry) -> value.applyAsLong(entry.getValue()))
				.reversed()
				.thenComparing(Map.Entry::getKey))
			.map((entry) -> new Bar(entry.getKey().name(), value.applyAsLong(entry.getValue()),
					percent(value.applyAsLong(entry.getValue()), max)))
			.toList();
	}

	private static List<MedianBar> medians(Map<Key, List<Duration>> waits) {
		Map<Key, Duration> medians = new LinkedHashMap<>();
		waits.forEach((name, list) -> median(list).ifPresent((median) -> medians.put(name, median)));
		long max = medians.values().stream().mapToLong(Duration::toMinutes).max().orElse(0);
		return medians.entrySet()
			.stream()
			.map((entry) -> new MedianBar(entry.getKey().name(), UsualWait.roundedUp(entry.getValue()),
					waits.get(entry.getKey()).size(), percent(entry.getValue().toMinutes(), max)))
			.toList();
	}

	private static Optional<Duration> median(List<Duration> waits) {
		List<Duration> sorted = waits.stream().sorted().toList();
		if (sorted.isEmpty()) {
			return Optional.empty();
		}
		int middle = sorted.size() / 2;
		return Optional.of((sorted.size() % 2 == 1) ? sorted.get(middle)
				: sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
	}

	private static List<DayBar> days(Map<LocalDate, Long> perDay) {
		long max = perDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
		List<DayBar> days = new ArrayList<>();
		int index = 0;
		for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
			days.add(new DayBar(day.getKey(), day.getValue(), percent(day.getValue(), max), index++));
		}
		return days;
	}

	private static int percent(long value, long max) {
		return (max == 0) ? 0 : (int) Math.max((value > 0) ? 1 : 0, Math.round(100.0 * value / max));
	}

	/**
	 * A person or category, by id (two people of the same name stay two bars), shown by
	 * name ("" for none), ordered by name.
	 */
	record Key(long id, String name) implements Comparable<Key> {

		static Key of(long id, String name) {
			return new Key(id, (name != null) ? name : "");
		}

		@Override
		public int compareTo(Key other) {
			int byName = this.name.compareTo(other.name);
			return (byName != 0) ? byName : Long.compare(this.id, other.id);
		}

	}

	/** Open threads and, of them, those whose student waits for an answer. */
	record Count(long open, long waiting) {

		Count plus(Count other) {
			return new Count(this.open + other.open, this.waiting + other.waiting);
		}

	}

	/**
	 * One bar: a name ("" for none), its value, and its length (0–100, of the longest).
	 */
	public record Bar(String label, long value, int percent) {

	}

	/**
	 * A median first-response time, rounded up, over {@code threads} answered threads.
	 */
	public record MedianBar(String label, UsualWait median, long threads, int percent) {

	}

	/** New threads of one day, with the bar's height (0–100) and place. */
	public record DayBar(LocalDate day, long threads, int percent, int index) {

		/** Where the bar starts: four units a day, three of bar and one of gap. */
		public int x() {
			return this.index * 4;
		}

		public int y() {
			return 100 - this.percent;
		}

	}

	/** Everything the overview page shows. */
	public record Dashboard(List<Bar> openPerDesk, List<Bar> waitingPerDesk, List<Bar> openPerCategory,
			List<Bar> waitingPerCategory, long overdue, List<MedianBar> firstResponsePerCategory,
			List<MedianBar> firstResponsePerTeacher, List<DayBar> threadsPerDay) {

		public long openTotal() {
			return this.openPerDesk.stream().mapToLong(Bar::value).sum();
		}

		/** The width of the threads-per-day chart: four units a day. */
		public int dayChartWidth() {
			return this.threadsPerDay.size() * 4;
		}

		public long mostPerDay() {
			return this.threadsPerDay.stream().mapToLong(DayBar::threads).max().orElse(0);
		}

		public long newTotal() {
			return this.threadsPerDay.stream().mapToLong(DayBar::threads).sum();
		}

	}

}
