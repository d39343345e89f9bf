package id.otos.messaging.threads;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff search: a person who answers threads finds, by words, every thread they may open
 * (not just their desk), narrows it with the desk's filters, and sorts the most urgent
 * first; students keep searching their own threads.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class StaffSearchChecks {

	@Autowired
	ThreadDesk desk;

	@Autowired
	ThreadPages pages;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient jdbc;

	Viewer siswa1;

	Viewer siswa2;

	Viewer guru1;

	Viewer guru2;

	Viewer operator;

	Viewer admin;

	long matematika;

	long fisika;

	@BeforeEach
	void people() {
		this.matematika = id("select id from otosapp_category where category_name = 'Matematika'");
		this.fisika = id("select id from otosapp_category where category_name = 'Fisika'");
		this.siswa1 = person("siswa1", RoleName.STUDENT, Set.of());
		this.siswa2 = person("siswa2", RoleName.STUDENT, Set.of());
		this.guru1 = person("guru1", RoleName.TEACHER, Set.of(this.matematika, this.fisika));
		this.guru2 = person("guru2", RoleName.TEACHER,
				Set.of(id("select id from otosapp_category where category_name = 'Kimia'"),
						id("select id from otosapp_category where category_name = 'Bahasa Inggris'")));
		this.operator = person("operator", RoleName.OPERATOR, Set.of());
		this.admin = person("admin", RoleName.ADMIN, Set.of());
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void anAdminFindsByWordsAThreadOnSomeoneElsesDesk() {
		ask(this.siswa1, ThreadType.ACADEMIC, this.matematika, "Integral parsial", "Soal fotosintesis?");
		ask(this.siswa2, ThreadType.TECHNICAL, null, "Aplikasi macet", "Tidak bisa masuk");

		assertThat(titles(this.admin, search("fotosintesis"))).containsExactly("Integral parsial");
		assertThat(titles(this.admin, search("INTEGRAL"))).containsExactly("Integral parsial");
		assertThat(titles(this.admin, new InboxFilter(null, null, "fotosintesis", 1, 10, scope(InboxScope.DESK))))
			.as("the admin's desk does not hold a thread routed to a teacher")
			.isEmpty();
		assertThat(titles(this.admin, new InboxFilter(null, null, null, 1, 10, scope(InboxScope.ALL))))
			.containsExactlyInAnyOrder("Integral parsial", "Aplikasi macet");
	}

	@Test
	void aSearchFindsOnlyWhatTheSearcherMayOpen() {
		ask(this.siswa1, ThreadType.ACADEMIC, this.matematika, "Integral parsial", "Soal fotosintesis?");
		ask(this.siswa2, ThreadType.TECHNICAL, null, "Fotosintesis di aplikasi", "Halaman kosong");

		assertThat(titles(this.operator, search("fotosintesis"))).as("operators open no academic thread")
			.containsExactly("Fotosintesis di aplikasi");
		assertThat(titles(this.guru2, search("fotosintesis"))).as("guru2 teaches neither the category nor handles")
			.isEmpty();
		assertThat(titles(this.guru1, search("fotosintesis"))).containsExactly("Integral parsial");
		assertThat(titles(this.siswa2, search("fotosintesis"))).as("a student searches their own threads")
			.containsExactly("Fotosintesis di aplikasi");
		assertThat(titles(this.siswa1, new InboxFilter(null, null, null, 1, 10, scope(InboxScope.ALL))))
			.as("a student cannot widen their search")
			.containsExactly("Integral parsial");
	}

	@Test
	void staffFilterByHandlerUnreadPriorityAndCategory() {
		long mine = ask(this.siswa1, ThreadType.TECHNICAL, null, "Milik operator", "Tolong");
		ask(this.siswa1, ThreadType.GENERAL, null, "Belum ditugaskan", "Halo");
		long urgent = ask(this.siswa2, ThreadType.ACADEMIC, this.fisika, "Gaya gesek", "Bagaimana?");
		this.jdbc.sql("update otosapp_messagethread set teacher_or_admin_id = null where thread_type <> 'academic'")
			.update();
		this.desk.assign(this.admin, mine, this.operator.userId(), null);
		this.desk.changePriority(this.admin, urgent, Priority.URGENT);
		this.pages.read(this.admin, mine);

		assertThat(titles(this.operator, staff(
				new StaffFilter(InboxScope.ALL, true, false, false, null, null, false, null, InboxOrder.ACTIVITY))))
			.containsExactly("Milik operator");
		assertThat(titles(this.admin, staff(
				new StaffFilter(InboxScope.ALL, false, true, false, null, null, false, null, InboxOrder.ACTIVITY))))
			.containsExactly("Belum ditugaskan");
		assertThat(titles(this.admin,
				staff(new StaffFilter(InboxScope.ALL, false, false, true, null, null, false, null,
						InboxOrder.ACTIVITY))))
			.as("the admin read only the operator's thread")
			.containsExactlyInAnyOrder("Belum ditugaskan", "Gaya gesek");
		assertThat(titles(this.admin, staff(new StaffFilter(InboxScope.ALL, false, false, false, Priority.URGENT, null,
				false, null, InboxOrder.ACTIVITY))))
			.containsExactly("Gaya gesek");
		assertThat(titles(this.admin, staff(new StaffFilter(InboxScope.ALL, false, false, false, null, this.fisika,
				false, null, InboxOrder.ACTIVITY))))
			.containsExactly("Gaya gesek");
	}

	@Test
	void waitingCountsFromTheStudentsOldestUnansweredMessage() {
		long answered = ask(this.siswa1, ThreadType.TECHNICAL, null, "Sudah dijawab", "Tolong");
		long waiting = ask(this.siswa1, ThreadType.GENERAL, null, "Masih menunggu", "Halo");
		this.desk.reply(this.operator, answered, "Sudah kami cek", null, null);
		this.desk.reply(this.siswa1, waiting, "Halo lagi", null, null);
		hoursAgo(waiting, 5);

		StaffFilter moreThanFour = new StaffFilter(InboxScope.ALL, false, false, false, null, null, false, 4,
				InboxOrder.ACTIVITY);
		StaffFilter moreThanSix = new StaffFilter(InboxScope.ALL, false, false, false, null, null, false, 6,
				InboxOrder.ACTIVITY);
		assertThat(titles(this.admin, staff(moreThanFour))).containsExactly("Masih menunggu");
		assertThat(titles(this.admin, staff(moreThanSix))).isEmpty();

		this.desk.reply(this.operator, waiting, "Maaf lama", null, null);
		assertThat(titles(this.admin, staff(moreThanFour))).as("answered: nobody waits").isEmpty();
	}

	@Test
	void aThreadWaitingLongerThanItsPrioritysTargetIsOverdueAndComesFirst() {
		long low = ask(this.siswa1, ThreadType.GENERAL, null, "Rendah lama", "Halo", Priority.LOW);
		long high = ask(this.siswa1, ThreadType.GENERAL, null, "Tinggi lama", "Halo", Priority.HIGH);
		ask(this.siswa1, ThreadType.GENERAL, null, "Baru saja", "Halo", Priority.NORMAL);
		long resolved = ask(this.siswa1, ThreadType.GENERAL, null, "Selesai", "Halo", Priority.HIGH);
		this.desk.changeStatus(this.admin, resolved, ThreadStatus.RESOLVED);
		hoursAgo(low, 10);
		hoursAgo(high, 10);
		hoursAgo(resolved, 10);

		StaffFilter overdue = new StaffFilter(InboxScope.ALL, false, false, false, null, null, true, null,
				InboxOrder.ACTIVITY);
		assertThat(titles(this.admin, staff(overdue))).as("high: 8 h target passed; low: 72 h not yet")
			.containsExactly("Tinggi lama");
		List<InboxRow> byUrgency = this.inbox
			.page(this.admin,
					staff(new StaffFilter(InboxScope.ALL, false, false, false, null, null, false, null,
							InboxOrder.URGENCY)))
			.rows();
		assertThat(byUrgency).extracting(InboxRow::title)
			.containsExactly("Tinggi lama", "Selesai", "Baru saja", "Rendah lama");
		assertThat(byUrgency).extracting(InboxRow::overdue).containsExactly(true, false, false, false);
	}

	@Test
	void aPageCountsTheFirstThousandMatchesAndSaysThereAreMore() {
		long student = this.siswa1.userId();
		Instant now = Instant.now();
		for (int i = 1; i <= Inbox.TOTAL_CAP + 4; i++) {
			Timestamp at = Timestamp.from(now.minusSeconds(i));
			this.jdbc.sql("""
					insert into otosapp_messagethread (title, thread_type, status, created_at, updated_at,
					    last_activity, priority, student_id, created_by_id, version)
					values (:title, 'general', 'open', :at, :at, :at, 'normal', :student, :student, 0)""")
				.param("title", "Banyak " + i)
				.param("at", at)
				.param("student", student)
				.update();
			this.jdbc
				.sql("""
						insert into otosapp_message (thread_id, sender_id, content, is_read, is_edited, created_at, updated_at)
						select max(id), :student, :content, false, false, :at, :at from otosapp_messagethread""")
				.param("student", student)
				.param("content", "Pesan serupa nomor " + i)
				.param("at", at)
				.update();
		}
		StaffFilter everything = scope(InboxScope.ALL);
		StaffFilter urgentFirst = new StaffFilter(InboxScope.ALL, false, false, false, null, null, false, null,
				InboxOrder.URGENCY);

		for (InboxFilter filter : List.of(new InboxFilter(null, null, null, 1, 20, everything),
				new InboxFilter(null, null, null, 1, 20, urgentFirst), new InboxFilter(null, null, "serupa", 1, 20),
				new InboxFilter(null, null, "banyak", 1, 20))) {
			InboxPage page = this.inbox.page(this.admin, filter);
			assertThat(page.total()).as(filter.toString()).isEqualTo(Inbox.TOTAL_CAP);
			assertThat(page.more()).as(filter.toString()).isTrue();
			assertThat(page.pages()).as(filter.toString()).isEqualTo(Inbox.TOTAL_CAP / 20);
		}
		assertThat(titles(this.admin, new InboxFilter(null, null, "serupa", 1, 3))).containsExactly("Banyak 1",
				"Banyak 2", "Banyak 3");
		InboxPage farAway = this.inbox.page(this.admin, new InboxFilter(null, null, "serupa", 70, 20));
		assertThat(farAway.page()).isEqualTo(Inbox.TOTAL_CAP / 20);
		assertThat(farAway.rows()).extracting(InboxRow::title).startsWith("Banyak 981").endsWith("Banyak 1000");
		InboxPage one = this.inbox.page(this.admin, search("nomor 1003"));
		assertThat(one.rows()).extracting(InboxRow::title).containsExactly("Banyak 1003");
		assertThat(one.more()).isFalse();
		assertThat(this.inbox.page(this.siswa1, new InboxFilter(null, null, null, 1, 20)).more()).isTrue();
	}

	@Test
	void aStudentsInboxIgnoresTheStaffFilters() {
		ask(this.siswa1, ThreadType.GENERAL, null, "Satu", "Halo");
		ask(this.siswa1, ThreadType.TECHNICAL, null, "Dua", "Halo");

		assertThat(titles(this.siswa1, staff(new StaffFilter(InboxScope.ALL, true, false, true, Priority.URGENT,
				this.fisika, true, 1, InboxOrder.URGENCY))))
			.containsExactly("Dua", "Satu");
	}

	/** Moves the thread's messages, wait and activity {@code hours} into the past. */
	private void hoursAgo(long thread, int hours) {
		Timestamp then = Timestamp.from(Instant.now().minus(Duration.ofHours(hours)));
		this.jdbc.sql("update otosapp_message set created_at = :then where thread_id = :thread")
			.param("then", then)
			.param("thread", thread)
			.update();
		this.jdbc
			.sql("""
					update otosapp_messagethread set created_at = :then, last_activity = :then,
					       awaiting_reply_since = case when awaiting_reply_since is null then null else cast(:then as timestamp with time zone) end
					where id = :thread""")
			.param("then", then)
			.param("thread", thread)
			.update();
	}

	private static InboxFilter search(String words) {
		return new InboxFilter(null, null, words, 1, 10);
	}

	private static InboxFilter staff(StaffFilter filter) {
		return new InboxFilter(null, null, null, 1, 10, filter);
	}

	private static StaffFilter scope(InboxScope scope) {
		return new StaffFilter(scope, false, false, false, null, null, false, null, InboxOrder.ACTIVITY);
	}

	private List<String> titles(Viewer viewer, InboxFilter filter) {
		return this.inbox.page(viewer, filter).rows().stream().map(InboxRow::title).toList();
	}

	private long ask(Viewer student, ThreadType type, Long category, String title, String content) {
		return ask(student, type, category, title, content, Priority.NORMAL);
	}

	private long ask(Viewer student, ThreadType type, Long category, String title, String content, Priority priority) {
		return this.desk.open(student, new NewThread(title, type, category, null, priority, content, null), null);
	}

	private Viewer person(String name, RoleName role, Set<Long> categories) {
		return new Viewer(id("select id from otosapp_user where email = '" + name + "@otos.test'"), role, categories);
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
