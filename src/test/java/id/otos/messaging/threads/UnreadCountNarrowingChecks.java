package id.otos.messaging.threads;

import java.time.Duration;
import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.support.StatementCounting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message forgets only the kept unread counts of the people whose desk holds its
 * thread: another category's teacher, and staff for a teacher's thread, keep answering
 * from memory (no statement), while the student, the handler and the people of the shared
 * desk holding it are counted again, and their counts are right.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(StatementCounting.class)
abstract class UnreadCountNarrowingChecks {

	@Autowired
	ThreadDesk desk;

	@Autowired
	UnreadCounts counts;

	@Autowired
	ThreadPages pages;

	@Autowired
	Inbox inbox;

	@Autowired
	Accounts accounts;

	@Autowired
	Categories categories;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	Viewer siswa1;

	Viewer guru1;

	Viewer guru2;

	Viewer operator;

	Viewer admin;

	@BeforeEach
	void people() {
		this.siswa1 = viewer("siswa1@otos.test", RoleName.STUDENT);
		this.guru1 = viewer("guru1@otos.test", RoleName.TEACHER);
		this.guru2 = viewer("guru2@otos.test", RoleName.TEACHER);
		this.operator = viewer("operator@otos.test", RoleName.OPERATOR);
		this.admin = viewer("admin@otos.test", RoleName.ADMIN);
		this.counts.forgetAll();
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
		this.counts.forgetAll();
	}

	@Test
	void aMessageInOneCategorysThreadLeavesAnotherTeachersKeptCountUntouched() throws Exception {
		long kimia = this.desk.open(this.siswa1, question("Kimia"), null);
		long matematika = this.desk.open(this.siswa1, question("Matematika"), null);
		keepEveryonesCount();

		this.desk.reply(this.siswa1, matematika, "masih bingung", null, null);

		assertThat(statementsToCount(this.guru2)).as("guru2 teaches Kimia, not Matematika").isZero();
		assertThat(statementsToCount(this.operator)).as("an academic thread is not the operator's").isZero();
		assertThat(statementsToCount(this.admin)).as("nor the admin's").isZero();
		assertCountedAgainAndRight(this.guru1);
		assertCountedAgainAndRight(this.siswa1);
		assertThat(this.counts.of(this.guru1)).isEqualTo(2);
		assertThat(this.counts.of(this.guru2)).isEqualTo(1).isEqualTo(this.inbox.unreadCount(this.guru2));
		assertThat(kimia).isNotEqualTo(matematika);
	}

	@Test
	void aMessageInAnUnassignedThreadReachesTheTeachersOfItsCategoryOnly() throws Exception {
		long matematika = this.desk.open(this.siswa1, question("Matematika"), null);
		this.desk.assign(this.admin, matematika, null, "back to the category's desk");
		keepEveryonesCount();

		this.desk.reply(this.siswa1, matematika, "ada yang bisa bantu?", null, null);

		assertThat(statementsToCount(this.guru2)).isZero();
		assertThat(statementsToCount(this.operator)).isZero();
		assertBroughtUpToDateAndRight(this.guru1);
		assertThat(this.counts.of(this.guru1)).isEqualTo(2);
	}

	@Test
	void aMessageInAnUnassignedNonAcademicThreadReachesEveryOperatorAndAdminButNoTeacher() throws Exception {
		long technical = this.desk.open(this.siswa1,
				new NewThread("Aplikasi macet", ThreadType.TECHNICAL, null, null, Priority.NORMAL, "tolong", null),
				null);
		this.desk.assign(this.admin, technical, null, "back to the staff's desk");
		keepEveryonesCount();

		this.desk.reply(this.siswa1, technical, "masih macet", null, null);

		assertThat(statementsToCount(this.guru1)).isZero();
		assertThat(statementsToCount(this.guru2)).isZero();
		assertBroughtUpToDateAndRight(this.operator);
		assertBroughtUpToDateAndRight(this.admin);
		assertThat(this.counts.of(this.operator)).isEqualTo(2);
	}

	/**
	 * Issue 15: the people of a shared desk are not counted again at each message on it
	 * (an operator's count is a few hundred milliseconds of database time at ten times
	 * the data): their kept count is brought up to date, one per message they did not
	 * write, however many messages, and it stays right when they write or read
	 * themselves, or when a message moves the thread off their desk.
	 */
	@Test
	void messagesOnTheStaffsDeskBringTheirCountsUpToDateWithoutCountingAgain() throws Exception {
		long technical = this.desk.open(this.siswa1,
				new NewThread("Aplikasi macet", ThreadType.TECHNICAL, null, null, Priority.NORMAL, "tolong", null),
				null);
		this.desk.assign(this.admin, technical, null, "back to the staff's desk");
		keepEveryonesCount();
		long before = this.counts.of(this.operator);

		for (int i = 0; i < 5; i++) {
			this.desk.reply(this.siswa1, technical, "masih macet " + i, null, null);
		}
		signalsHeardBack();

		assertBroughtUpToDateAndRight(this.operator);
		assertBroughtUpToDateAndRight(this.admin);
		assertThat(this.counts.of(this.operator)).isEqualTo(before + 5);

		// the admin reads it: only the admin's own count is counted again
		this.pages.read(this.admin, technical);
		signalsHeardBack();
		assertCountedAgainAndRight(this.admin);
		assertBroughtUpToDateAndRight(this.operator);

		// the operator's reply takes the thread off the staff's desk onto the operator's
		// own
		this.desk.reply(this.operator, technical, "sudah saya cek", null, null);
		signalsHeardBack();
		assertCountedAgainAndRight(this.operator);
		assertCountedAgainAndRight(this.admin);
		assertThat(this.counts.of(this.admin)).isEqualTo(this.inbox.unreadCount(this.admin));
	}

	@Test
	void theFirstHandlersReplyForgetsTheDeskTheThreadLeftAsWellAsTheOneItJoined() throws Exception {
		long matematika = this.desk.open(this.siswa1, question("Matematika"), null);
		this.desk.assign(this.admin, matematika, null, "back to the category's desk");
		keepEveryonesCount();
		assertThat(this.counts.of(this.guru1)).isEqualTo(1);

		// the admin's reply takes the thread off guru1's desk (the category's) onto the
		// admin's own
		this.desk.reply(this.admin, matematika, "saya bantu", null, null);

		assertCountedAgainAndRight(this.guru1);
		assertThat(this.counts.of(this.guru1)).isZero();
		assertCountedAgainAndRight(this.siswa1);
		assertThat(statementsToCount(this.guru2)).isZero();
	}

	@Test
	void aSignalFromAnotherNodeForgetsTheSameCounts() throws Exception {
		long matematika = this.desk.open(this.siswa1, question("Matematika"), null);
		this.desk.assign(this.admin, matematika, null, "back to the category's desk");
		keepEveryonesCount();
		DeskHolders holders = DeskHolders
			.decode(new DeskHolders(this.siswa1.userId(), Set.of(), Set.of(categoryId("Matematika"))).encode());

		this.counts.messagePosted(holders, Long.MAX_VALUE, 0, false);

		assertThat(statementsToCount(this.guru2)).isZero();
		assertThat(statementsToCount(this.operator)).isZero();
		assertThat(statementsToCount(this.admin)).isZero();
		assertCountedAgainAndRight(this.guru1);
		assertCountedAgainAndRight(this.siswa1);
	}

	private void keepEveryonesCount() throws Exception {
		signalsHeardBack();
		for (Viewer person : new Viewer[] { this.siswa1, this.guru1, this.guru2, this.operator, this.admin }) {
			this.counts.of(person);
			assertThat(statementsToCount(person)).as("kept").isZero();
		}
	}

	/**
	 * Waits until this node has heard back the signals of every change so far (the bus
	 * tells the node that sent a signal too, later on PostgreSQL): a read by nobody,
	 * announced last, arrives last and forgets nobody's kept count.
	 */
	private void signalsHeardBack() throws Exception {
		Viewer nobody = new Viewer(Long.MAX_VALUE, RoleName.STUDENT, Set.of());
		this.events.publishEvent(new ThreadEvents.ThreadRead(0, nobody.userId(), 0));
		this.counts.of(nobody);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (statementsToCount(nobody) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
	}

	private void assertCountedAgainAndRight(Viewer person) throws Exception {
		long[] kept = new long[1];
		assertThat(StatementCounting.count(() -> kept[0] = this.counts.of(person))).as("counted again").isPositive();
		assertThat(kept[0]).isEqualTo(this.inbox.unreadCount(person));
	}

	private void assertBroughtUpToDateAndRight(Viewer person) throws Exception {
		long[] kept = new long[1];
		assertThat(StatementCounting.count(() -> kept[0] = this.counts.of(person))).as("not counted again").isZero();
		assertThat(kept[0]).isEqualTo(this.inbox.unreadCount(person));
	}

	private long statementsToCount(Viewer person) throws Exception {
		return StatementCounting.count(() -> this.counts.of(person));
	}

	private NewThread question(String category) {
		return new NewThread("Soal " + category, ThreadType.ACADEMIC, categoryId(category), null, Priority.NORMAL,
				"bagaimana caranya?", null);
	}

	private long categoryId(String name) {
		return this.categories.all()
			.stream()
			.filter((category) -> category.name().equals(name))
			.map(CategoryView::id)
			.findFirst()
			.orElseThrow();
	}

	private Viewer viewer(String email, RoleName role) {
		long id = this.jdbc.sql("select id from otosapp_user where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
		return new Viewer(id, role, this.categories.taughtBy(id));
	}

}
