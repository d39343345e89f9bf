package id.otos.messaging.threads;

import java.util.List;
import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Triage in one step, the teacher's hand-off, conversations staff start, and urgency
 * decided by staff, against a real database.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class TriageChecks {

	@Autowired
	ThreadDesk desk;

	@Autowired
	Accounts accounts;

	@Autowired
	Categories categories;

	@Autowired
	MessageThreadRepository threads;

	@Autowired
	Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	Viewer siswa1;

	Viewer admin;

	Viewer guru1;

	long matematika;

	long guru3;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@BeforeEach
	void school() {
		this.matematika = this.categories.all()
			.stream()
			.filter((category) -> category.name().equals("Matematika"))
			.mapToLong(CategoryView::id)
			.findFirst()
			.orElseThrow();
		this.siswa1 = new Viewer(id("siswa1@otos.test"), RoleName.STUDENT, Set.of());
		this.admin = new Viewer(id("admin@otos.test"), RoleName.ADMIN, Set.of());
		this.guru1 = new Viewer(id("guru1@otos.test"), RoleName.TEACHER,
				this.categories.taughtBy(id("guru1@otos.test")));
		this.guru3 = this.accounts.register(new NewAccount("guru3@otos.test", "guru3", "Citra", "Dewi", null,
				RoleName.TEACHER, DemoLogIn.PASSWORD));
		this.categories.assignTeacher(this.matematika, this.guru3);
	}

	@Test
	void statusPriorityAndHandlerChangeInOneStepEachAuditedOnItsOwn() {
		long thread = ask(Priority.NORMAL);

		boolean changed = this.desk.triage(this.admin, thread,
				new Triage(ThreadStatus.PENDING, Priority.URGENT, this.guru3, "Citra, tolong"));

		assertThat(changed).isTrue();
		MessageThread now = this.threads.findById(thread).orElseThrow();
		assertThat(List.<Object>of(now.getStatus(), now.getPriority(), now.getHandlerId()))
			.containsExactly(ThreadStatus.PENDING, Priority.URGENT, this.guru3);
		assertThat(audit(thread)).containsExactly("routed|chosen", "status|pending", "priority|urgent",
				"assignment|" + this.guru3);
	}

	@Test
	void aTriageWithOneRefusedChangeChangesNothing() {
		long thread = ask(Priority.NORMAL);
		long student = this.siswa1.userId();

		assertThatThrownBy(() -> this.desk.triage(this.admin, thread,
				new Triage(ThreadStatus.RESOLVED, Priority.HIGH, student, null)))
			.isInstanceOf(ThreadRuleException.class)
			.hasMessage("thread.error.handler-not-eligible");

		MessageThread now = this.threads.findById(thread).orElseThrow();
		assertThat(List.<Object>of(now.getStatus(), now.getPriority(), now.getHandlerId()))
			.containsExactly(ThreadStatus.OPEN, Priority.NORMAL, this.guru1.userId());
		assertThat(audit(thread)).containsExactly("routed|chosen");
	}

	@Test
	void aTriageThatChangesNothingRecordsNothing() {
		long thread = ask(Priority.NORMAL);

		assertThat(this.desk.triage(this.admin, thread,
				new Triage(ThreadStatus.OPEN, Priority.NORMAL, this.guru1.userId(), null)))
			.isFalse();
		assertThat(audit(thread)).containsExactly("routed|chosen");
	}

	@Test
	void aTeacherHandsTheirThreadToAColleagueOfItsCategoryWithANote() {
		long thread = ask(Priority.NORMAL);

		this.desk.handOff(this.guru1, thread, this.guru3, "Citra, ini topikmu");

		assertThat(this.threads.findById(thread).orElseThrow().getHandlerId()).isEqualTo(this.guru3);
		assertThat(this.jdbc.sql("select note from otos_thread_audit where thread_id = :id and action = 'assignment'")
			.param("id", thread)
			.query(String.class)
			.single()).isEqualTo("Citra, ini topikmu");
	}

	@Test
	void aHandOffToSomeoneWhoDoesNotTeachTheCategoryIsRefused() {
		long thread = ask(Priority.NORMAL);
		long guru2 = id("guru2@otos.test");

		assertThatThrownBy(() -> this.desk.handOff(this.guru1, thread, guru2, null))
			.isInstanceOf(ThreadRuleException.class)
			.hasMessage("thread.error.handler-not-eligible");
		assertThatThrownBy(() -> this.desk.handOff(this.guru1, thread, this.guru1.userId(), null))
			.isInstanceOf(ThreadRuleException.class);
		assertThat(this.threads.findById(thread).orElseThrow().getHandlerId()).isEqualTo(this.guru1.userId());
	}

	@Test
	void onlyTheTeacherHoldingTheThreadHandsItOn() {
		long thread = ask(Priority.NORMAL);
		Viewer citra = new Viewer(this.guru3, RoleName.TEACHER, Set.of(this.matematika));

		assertThatThrownBy(() -> this.desk.handOff(citra, thread, this.guru3, null))
			.isInstanceOf(ThreadForbiddenException.class);
	}

	@Test
	void studentsCannotMarkTheirThreadUrgent() {
		assertThatThrownBy(() -> ask(Priority.URGENT)).isInstanceOf(ThreadRuleException.class)
			.hasMessage("thread.error.priority-not-for-students");
		assertThat(this.threads.count()).isZero();
		assertThat(ask(Priority.HIGH)).isPositive();
	}

	@Test
	void staffStartAConversationTheStudentSeesLikeAnyThreadAndTheStarterHolds() {
		long thread = this.conversations.start(this.admin, new NewConversation(this.siswa1.userId(), "Jadwal remedial",
				ThreadType.GENERAL, Priority.HIGH, "Remedial hari Sabtu.", "start-1"));

		MessageThread started = this.threads.findById(thread).orElseThrow();
		assertThat(started.getStudentId()).isEqualTo(this.siswa1.userId());
		assertThat(started.getHandlerId()).isEqualTo(this.admin.userId());
		assertThat(ThreadAccess.onDesk(this.siswa1, started)).isTrue();
		assertThat(ThreadAccess.allows(this.siswa1, started, ThreadAction.REPLY)).isTrue();
		assertThat(audit(thread)).containsExactly("routed|started");
		assertThat(this.conversations.start(this.admin, new NewConversation(this.siswa1.userId(), "Jadwal remedial",
				ThreadType.GENERAL, Priority.HIGH, "Remedial hari Sabtu.", "start-1")))
			.as("the same form twice")
			.isEqualTo(thread);
	}

	@Test
	void onlyStaffStartConversationsAndOnlyWithAnActiveStudent() {
		NewConversation toGuru = new NewConversation(this.guru1.userId(), "Halo", ThreadType.GENERAL, Priority.NORMAL,
				"Isi", null);
		NewConversation toSiswa = new NewConversation(this.siswa1.userId(), "Halo", ThreadType.GENERAL, Priority.NORMAL,
				"Isi", null);

		assertThatThrownBy(() -> this.conversations.start(this.guru1, toSiswa))
			.isInstanceOf(ThreadForbiddenException.class);
		assertThatThrownBy(() -> this.conversations.start(this.siswa1, toSiswa))
			.isInstanceOf(ThreadForbiddenException.class);
		assertThatThrownBy(() -> this.conversations.start(this.admin, toGuru)).isInstanceOf(ThreadRuleException.class)
			.hasMessage("thread.error.student-unknown");
		assertThat(this.threads.count()).isZero();
	}

	private long ask(Priority priority) {
		return this.desk.open(this.siswa1, new NewThread("Limit", ThreadType.ACADEMIC, this.matematika,
				this.guru1.userId(), priority, "Tolong", null), null);
	}

	private List<String> audit(long thread) {
		return this.jdbc.sql("select action, to_value, note from otos_thread_audit where thread_id = :id order by id")
			.param("id", thread)
			.query((rs, n) -> rs.getString("action") + "|"
					+ ("routed".equals(rs.getString("action")) ? rs.getString("note") : rs.getString("to_value")))
			.list();
	}

	private long id(String email) {
		for (RoleName role : RoleName.ASSIGNABLE) {
			for (UserSummary user : this.accounts.withRole(role)) {
				if (user.email().equals(email)) {
					return user.id();
				}
			}
		}
		throw new IllegalArgumentException(email);
	}

}
