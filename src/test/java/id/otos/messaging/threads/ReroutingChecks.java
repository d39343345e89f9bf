package id.otos.messaging.threads;

import java.util.List;
import java.util.Set;

import id.otos.messaging.accounts.AccountChanges;
import id.otos.messaging.accounts.AccountDetails;
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

/**
 * When a handler leaves (deactivated, another role, removed from the category), their
 * open threads go back through routing, least-loaded in turn, each move audited with its
 * reason and on the new handler's desk; the first routing decision is recorded too.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ReroutingChecks {

	@Autowired
	ThreadDesk desk;

	@Autowired
	Accounts accounts;

	@Autowired
	Categories categories;

	@Autowired
	MessageThreadRepository threads;

	@Autowired
	UnreadCounts counts;

	@Autowired
	Rerouting rerouting;

	@Autowired
	JdbcClient jdbc;

	Viewer siswa1;

	long matematika;

	long guru1;

	long operator;

	long admin;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@BeforeEach
	void school() {
		this.siswa1 = new Viewer(id("siswa1@otos.test"), RoleName.STUDENT, Set.of());
		this.matematika = this.categories.all()
			.stream()
			.filter((category) -> category.name().equals("Matematika"))
			.mapToLong(CategoryView::id)
			.findFirst()
			.orElseThrow();
		this.guru1 = id("guru1@otos.test");
		this.operator = id("operator@otos.test");
		this.admin = id("admin@otos.test");
	}

	@Test
	void theFirstRoutingDecisionIsRecordedWithItsReason() {
		long chosen = ask(this.guru1);
		long biologi = this.categories.create("Biologi");
		long withoutTeacher = this.desk.open(this.siswa1,
				new NewThread("Sel", ThreadType.ACADEMIC, biologi, null, Priority.NORMAL, "Tolong", null), null);

		assertThat(audit(chosen)).containsExactly("routed|null|" + this.guru1 + "|chosen");
		assertThat(audit(withoutTeacher)).containsExactly("routed|null|" + this.operator + "|no-teacher-operator");
	}

	@Test
	void aDeactivatedTeachersOpenThreadsGoToTheOtherTeachersInTurn() {
		long guru3 = teacher("guru3");
		long guru4 = teacher("guru4");
		long first = ask(this.guru1);
		long second = ask(this.guru1);
		long closed = ask(this.guru1);
		this.desk.close(this.siswa1, closed);

		this.accounts.deactivate(this.guru1, this.admin);

		assertThat(List.of(handlerOf(first), handlerOf(second))).containsExactlyInAnyOrder(guru3, guru4);
		assertThat(handlerOf(closed)).isEqualTo(this.guru1);
		assertThat(audit(first)).last()
			.isIn("rerouted|" + this.guru1 + "|" + guru3 + "|teacher",
					"rerouted|" + this.guru1 + "|" + guru4 + "|teacher");
	}

	@Test
	void theLastTeacherLeavingSendsTheirThreadsAndTheQueueToTheOperatorsDesk() {
		long assigned = ask(this.guru1);
		long queued = ask(this.guru1);
		this.desk.assign(new Viewer(this.admin, RoleName.ADMIN, Set.of()), queued, null, "back to the queue");
		Viewer operatorDesk = new Viewer(this.operator, RoleName.OPERATOR, Set.of());
		long unreadBefore = this.counts.of(operatorDesk);

		this.categories.unassignTeacher(this.matematika, this.guru1);

		assertThat(handlerOf(assigned)).isEqualTo(this.operator);
		assertThat(handlerOf(queued)).isEqualTo(this.operator);
		assertThat(audit(queued)).last().isEqualTo("rerouted|null|" + this.operator + "|no-teacher-operator");
		assertThat(this.counts.of(operatorDesk)).as("the new handler's unread count").isEqualTo(unreadBefore + 2);
	}

	@Test
	void aHandlerGivenAnotherRoleLosesTheirThreads() {
		long technical = this.desk.open(this.siswa1,
				new NewThread("Login", ThreadType.TECHNICAL, null, null, Priority.NORMAL, "Tidak bisa", null), null);
		assertThat(handlerOf(technical)).isEqualTo(this.operator);
		AccountDetails person = this.accounts.details(this.operator).orElseThrow();

		this.accounts.update(this.operator, new AccountChanges(person.email(), person.username(), person.firstName(),
				person.lastName(), person.phoneNumber(), RoleName.TEACHER, null), this.admin);

		assertThat(handlerOf(technical)).isEqualTo(this.admin);
		assertThat(audit(technical)).last().isEqualTo("rerouted|" + this.operator + "|" + this.admin + "|admin");
	}

	@Test
	void unassigningAQuestionNoTeacherCanTakeRoutesItInsteadOfDroppingIt() {
		long biologi = this.categories.create("Biologi");
		long thread = this.desk.open(this.siswa1,
				new NewThread("Sel", ThreadType.ACADEMIC, biologi, null, Priority.NORMAL, "Tolong", null), null);
		long operator2 = this.accounts.register(new NewAccount("operator2@otos.test", "operator2", "Oka", "Putra", null,
				RoleName.OPERATOR, DemoLogIn.PASSWORD));

		this.desk.assign(new Viewer(this.admin, RoleName.ADMIN, Set.of()), thread, null, null);

		assertThat(handlerOf(thread)).isIn(this.operator, operator2);
		assertThat(audit(thread)).last().isEqualTo("rerouted|null|" + handlerOf(thread) + "|no-teacher-operator");
	}

	@Test
	void aCategoryThatGetsATeacherTakesBackTheQuestionsTheOperatorsHeldForIt() {
		long biologi = this.categories.create("Biologi");
		long waiting = this.desk.open(this.siswa1,
				new NewThread("Sel", ThreadType.ACADEMIC, biologi, null, Priority.NORMAL, "Tolong", null), null);
		long answered = this.desk.open(this.siswa1,
				new NewThread("Mitosis", ThreadType.ACADEMIC, biologi, null, Priority.NORMAL, "Tolong", null), null);
		this.desk.changeStatus(new Viewer(this.operator, RoleName.OPERATOR, Set.of()), answered, ThreadStatus.RESOLVED);
		assertThat(handlerOf(waiting)).isEqualTo(this.operator);
		long guru3 = this.accounts.register(
				new NewAccount("guru3@otos.test", "guru3", "Guru", "Tiga", null, RoleName.TEACHER, DemoLogIn.PASSWORD));
		assertThat(handlerOf(waiting)).as("guru3 does not teach Biologi yet").isEqualTo(this.operator);

		this.categories.assignTeacher(biologi, guru3);

		assertThat(handlerOf(waiting)).isEqualTo(guru3);
		assertThat(audit(waiting)).last().isEqualTo("rerouted|" + this.operator + "|" + guru3 + "|teacher");
		assertThat(handlerOf(answered)).as("resolved: the operator's answer stands").isEqualTo(this.operator);
		assertThat(this.counts.of(new Viewer(guru3, RoleName.TEACHER, Set.of(biologi))))
			.as("the student's message, now on guru3's desk")
			.isEqualTo(1);
	}

	@Test
	void aTeacherAddedInDjangoIsFoundBySweepingAndTakesTheWaitingQuestions() {
		long biologi = this.categories.create("Biologi");
		long waiting = this.desk.open(this.siswa1,
				new NewThread("Sel", ThreadType.ACADEMIC, biologi, null, Priority.NORMAL, "Tolong", null), null);
		// as Django does it: straight in the table, telling this application nothing
		this.jdbc.sql("insert into otosapp_category_teachers (category_id, user_id) values (:category, :teacher)")
			.param("category", biologi)
			.param("teacher", this.guru1)
			.update();

		assertThat(this.rerouting.rerouteStranded()).isEqualTo(1);

		assertThat(handlerOf(waiting)).isEqualTo(this.guru1);
		assertThat(this.rerouting.rerouteStranded()).as("nothing left to move").isZero();
	}

	@Test
	void changesMadeInDjangoAreFoundBySweepingAndRerouted() {
		long assigned = ask(this.guru1);
		long queued = ask(this.guru1);
		this.desk.assign(new Viewer(this.admin, RoleName.ADMIN, Set.of()), queued, null, "back to the queue");
		long technical = this.desk.open(this.siswa1,
				new NewThread("Login", ThreadType.TECHNICAL, null, null, Priority.NORMAL, "Tidak bisa", null), null);
		// as Django does it: straight in the tables, telling this application nothing
		this.jdbc.sql("update otosapp_user set is_active = false where id in (:ids)")
			.param("ids", List.of(this.guru1, this.operator))
			.update();

		assertThat(this.rerouting.rerouteStranded()).isEqualTo(3);

		assertThat(List.of(handlerOf(assigned), handlerOf(queued), handlerOf(technical))).containsOnly(this.admin);
		assertThat(this.rerouting.rerouteStranded()).as("nothing left to move").isZero();
	}

	private long ask(Long teacher) {
		return this.desk.open(this.siswa1, new NewThread("Pertanyaan", ThreadType.ACADEMIC, this.matematika, teacher,
				Priority.NORMAL, "Tolong", null), null);
	}

	private Long handlerOf(long thread) {
		return this.threads.findById(thread).orElseThrow().getHandlerId();
	}

	private List<String> audit(long thread) {
		return this.jdbc
			.sql("select action, from_value, to_value, note from otos_thread_audit where thread_id = :id order by id")
			.param("id", thread)
			.query((rs, n) -> rs.getString("action") + "|" + rs.getString("from_value") + "|" + rs.getString("to_value")
					+ "|" + rs.getString("note"))
			.list();
	}

	private long teacher(String username) {
		long id = this.accounts.register(new NewAccount(username + "@otos.test", username, "Guru", username, null,
				RoleName.TEACHER, DemoLogIn.PASSWORD));
		this.categories.assignTeacher(this.matematika, id);
		return id;
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
