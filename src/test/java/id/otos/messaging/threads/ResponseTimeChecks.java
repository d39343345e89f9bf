package id.otos.messaging.threads;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoSchool;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each thread's first response and resolution times, kept exact when replies race each
 * other; the response targets admins set; what students are told about waiting.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ResponseTimeChecks {

	@Autowired
	ThreadDesk desk;

	@Autowired
	ResponseTimes responseTimes;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	Viewer siswa1;

	Viewer guru1;

	Viewer operator;

	Viewer admin;

	long matematika;

	@BeforeEach
	void people() {
		this.matematika = id("select id from otosapp_category where category_name = 'Matematika'");
		this.siswa1 = person("siswa1", RoleName.STUDENT, Set.of());
		this.guru1 = person("guru1", RoleName.TEACHER, Set.of(this.matematika));
		this.operator = person("operator", RoleName.OPERATOR, Set.of());
		this.admin = person("admin", RoleName.ADMIN, Set.of());
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
		this.responseTimes.setTargets(this.admin, hours(2, 8, 24, 72));
	}

	@Test
	void theFirstResponseIsTheFirstMessageByAnyoneButTheStudent() {
		long thread = ask(ThreadType.TECHNICAL, "Aplikasi macet");
		this.desk.reply(this.siswa1, thread, "Masih macet", null, null);
		assertThat(column(thread, "first_response_at")).isNull();
		assertThat(column(thread, "awaiting_reply_since")).isEqualTo(firstMessageAt(thread));

		this.desk.reply(this.operator, thread, "Sudah kami cek", null, null);
		Instant answeredAt = lastMessageAt(thread);
		this.desk.reply(this.admin, thread, "Kami tambahkan", null, null);

		assertThat(column(thread, "first_response_at")).isEqualTo(answeredAt);
		assertThat(column(thread, "awaiting_reply_since")).isNull();
	}

	@Test
	void theResolutionTimeIsWhenTheThreadWasLastResolvedOrClosed() {
		long thread = ask(ThreadType.TECHNICAL, "Aplikasi macet");
		this.desk.changeStatus(this.admin, thread, ThreadStatus.RESOLVED);
		Instant resolved = column(thread, "resolved_at");
		assertThat(resolved).isNotNull();
		this.desk.close(this.siswa1, thread);
		assertThat(column(thread, "resolved_at")).as("resolved, then closed: still resolved at the first move")
			.isEqualTo(resolved);

		this.desk.reply(this.siswa1, thread, "Ternyata masih macet", null, null);
		assertThat(column(thread, "resolved_at")).as("reopened").isNull();
		this.desk.close(this.siswa1, thread);
		assertThat(column(thread, "resolved_at")).isAfterOrEqualTo(resolved);
	}

	@Test
	void racingRepliesKeepTheFirstResponseExact() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				long thread = ask(ThreadType.TECHNICAL, "Balapan " + round);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Long>> replies = new ArrayList<>();
				for (Viewer handler : List.of(this.operator, this.admin)) {
					replies.add(pool.submit(() -> {
						start.await();
						return this.desk.reply(handler, thread, "Jawaban", null, null);
					}));
				}
				start.countDown();
				for (Future<Long> reply : replies) {
					reply.get();
				}
				Instant firstAnswer = this.jdbc
					.sql("select min(created_at) from otosapp_message where thread_id = :t and sender_id <> :s")
					.param("t", thread)
					.param("s", this.siswa1.userId())
					.query(Timestamp.class)
					.single()
					.toInstant();
				assertThat(column(thread, "first_response_at")).isEqualTo(firstAnswer);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void firstResponseAndResolutionTimesGoToPrometheus() {
		long answered = this.meters.get("otos.thread.first.response").timer().count();
		long resolved = this.meters.get("otos.thread.resolution").timer().count();
		long thread = ask(ThreadType.TECHNICAL, "Aplikasi macet");
		this.desk.reply(this.operator, thread, "Sudah kami cek", null, null);
		this.desk.reply(this.operator, thread, "Lagi", null, null);
		this.desk.changeStatus(this.operator, thread, ThreadStatus.RESOLVED);
		this.desk.changePriority(this.operator, thread, Priority.HIGH);

		assertThat(this.meters.get("otos.thread.first.response").timer().count()).isEqualTo(answered + 1);
		assertThat(this.meters.get("otos.thread.resolution").timer().count()).isEqualTo(resolved + 1);
		assertThat(this.meters.get("otos.threads.overdue").gauge().value()).isZero();
	}

	@Test
	void adminsSetTheTargetsAndNobodyElse() {
		this.responseTimes.setTargets(this.admin, hours(1, 4, 12, 48));
		assertThat(this.responseTimes.targets()).containsEntry(Priority.URGENT, Duration.ofHours(1))
			.containsEntry(Priority.LOW, Duration.ofHours(48));

		assertThatExceptionOfType(ThreadForbiddenException.class)
			.isThrownBy(() -> this.responseTimes.setTargets(this.operator, hours(1, 1, 1, 1)));
		assertThatExceptionOfType(ThreadRuleException.class)
			.isThrownBy(() -> this.responseTimes.setTargets(this.admin, hours(0, 4, 12, 48)));
		Map<Priority, Integer> missing = hours(1, 4, 12, 48);
		missing.remove(Priority.LOW);
		assertThatExceptionOfType(ThreadRuleException.class)
			.isThrownBy(() -> this.responseTimes.setTargets(this.admin, missing));
		assertThat(this.responseTimes.targets()).as("a refused change changes nothing")
			.containsEntry(Priority.URGENT, Duration.ofHours(1))
			.containsEntry(Priority.NORMAL, Duration.ofHours(12));
	}

	@Test
	void aThreadIsOverdueOncePastItsTargetAndNoLongerOnceAnswered() {
		long thread = ask(ThreadType.TECHNICAL, "Aplikasi macet");
		assertThat(this.responseTimes.isOverdue(thread)).isFalse();
		waitedHours(thread, 25);
		assertThat(this.responseTimes.isOverdue(thread)).as("normal: 24 h").isTrue();
		assertThat(this.responseTimes.overdueCount()).isEqualTo(1);
		this.responseTimes.setTargets(this.admin, hours(2, 8, 48, 72));
		assertThat(this.responseTimes.isOverdue(thread)).as("the target changed to 48 h").isFalse();
		this.responseTimes.setTargets(this.admin, hours(2, 8, 24, 72));

		this.desk.reply(this.operator, thread, "Maaf, sudah kami cek", null, null);
		assertThat(this.responseTimes.isOverdue(thread)).isFalse();
	}

	@Test
	void studentsAreToldTheUsualWaitOnlyWithEnoughThreads() {
		for (int i = 0; i < 4; i++) {
			answeredAfterMinutes(ask(ThreadType.ACADEMIC, "Soal " + i), 90);
		}
		assertThat(this.responseTimes.usualWaits().isEmpty()).as("four threads are not enough").isTrue();
		assertThat(this.responseTimes.usualWait(ThreadType.ACADEMIC, this.matematika)).isEmpty();

		answeredAfterMinutes(ask(ThreadType.ACADEMIC, "Soal 5"), 100);
		assertThat(this.responseTimes.usualWaits().byCategory()).containsEntry(this.matematika,
				new UsualWait(2, UsualWait.Unit.HOURS));
		assertThat(this.responseTimes.usualWaits().byType()).isEmpty();
		assertThat(this.responseTimes.usualWait(ThreadType.ACADEMIC, this.matematika))
			.contains(new UsualWait(2, UsualWait.Unit.HOURS));
	}

	@Test
	void threadsOtherThanQuestionsAreToldTheUsualWaitOfTheirType() {
		for (int i = 0; i < 5; i++) {
			answeredAfterMinutes(ask(ThreadType.TECHNICAL, "Aplikasi " + i), 20);
		}
		for (int i = 0; i < 4; i++) {
			answeredAfterMinutes(ask(ThreadType.GENERAL, "Umum " + i), 20);
		}

		assertThat(this.responseTimes.usualWaits().byType()).as("five technical threads, four general ones")
			.containsExactly(Map.entry(ThreadType.TECHNICAL, new UsualWait(30, UsualWait.Unit.MINUTES)));
		assertThat(this.responseTimes.usualWaits().types()).containsExactly(ThreadType.TECHNICAL);
		assertThat(this.responseTimes.usualWait(ThreadType.TECHNICAL, null))
			.contains(new UsualWait(30, UsualWait.Unit.MINUTES));
		assertThat(this.responseTimes.usualWait(ThreadType.GENERAL, null)).isEmpty();
		assertThat(this.responseTimes.usualWaits().byCategory()).isEmpty();
	}

	private void answeredAfterMinutes(long thread, int minutes) {
		this.desk.reply(this.jdbc.sql("select thread_type from otosapp_messagethread where id = :t")
			.param("t", thread)
			.query(String.class)
			.single()
			.equals("academic") ? this.guru1 : this.operator, thread, "Jawaban", null, null);
		Instant opened = Instant.now().minus(Duration.ofDays(1));
		this.jdbc
			.sql("update otosapp_messagethread set created_at = :opened, first_response_at = :answered where id = :t")
			.param("opened", Timestamp.from(opened))
			.param("answered", Timestamp.from(opened.plus(Duration.ofMinutes(minutes))))
			.param("t", thread)
			.update();
	}

	private void waitedHours(long thread, int hours) {
		this.jdbc.sql("update otosapp_messagethread set awaiting_reply_since = :then where id = :t")
			.param("then", Timestamp.from(Instant.now().minus(Duration.ofHours(hours))))
			.param("t", thread)
			.update();
	}

	private static Map<Priority, Integer> hours(int urgent, int high, int normal, int low) {
		Map<Priority, Integer> hours = new EnumMap<>(Priority.class);
		hours.put(Priority.URGENT, urgent);
		hours.put(Priority.HIGH, high);
		hours.put(Priority.NORMAL, normal);
		hours.put(Priority.LOW, low);
		return hours;
	}

	private Instant column(long thread, String column) {
		return this.jdbc.sql("select " + column + " from otosapp_messagethread where id = :t")
			.param("t", thread)
			.query((rs, rowNumber) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single()
			.orElse(null);
	}

	private Instant firstMessageAt(long thread) {
		return messageAt(thread, "min");
	}

	private Instant lastMessageAt(long thread) {
		return messageAt(thread, "max");
	}

	private Instant messageAt(long thread, String which) {
		return this.jdbc
			.sql("select created_at from otosapp_message where id = (select " + which
					+ "(id) from otosapp_message where thread_id = :t)")
			.param("t", thread)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private long ask(ThreadType type, String title) {
		return this.desk.open(this.siswa1, new NewThread(title, type, type.isAcademic() ? this.matematika : null, null,
				Priority.NORMAL, "Tolong", null), null);
	}

	private Viewer person(String name, RoleName role, Set<Long> categories) {
		return new Viewer(id("select id from otosapp_user where email = '" + name + "@otos.test'"), role, categories);
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
