package id.otos.messaging.threads;

import java.util.List;
import java.util.Set;

import id.otos.messaging.accounts.RoleName;
import org.junit.jupiter.api.Test;

import static id.otos.messaging.threads.ThreadFixtures.KIMIA;
import static id.otos.messaging.threads.ThreadFixtures.MATEMATIKA;
import static id.otos.messaging.threads.ThreadFixtures.NOW;
import static id.otos.messaging.threads.ThreadFixtures.openAcademicThread;
import static id.otos.messaging.threads.ThreadFixtures.openTechnicalThread;
import static id.otos.messaging.threads.ThreadFixtures.student;
import static id.otos.messaging.threads.ThreadFixtures.teacherOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees and does what (as {@link ThreadAccess} states them), rule by rule.
 */
class ThreadAccessTests {

	static final Viewer owner = student(10);

	static final Viewer otherStudent = student(11);

	static final Viewer assignedTeacher = teacherOf(20, MATEMATIKA);

	static final Viewer colleague = teacherOf(21, MATEMATIKA);

	static final Viewer chemistryTeacher = teacherOf(22, KIMIA);

	static final Viewer operator = ThreadFixtures.operator(30);

	static final Viewer otherOperator = ThreadFixtures.operator(31);

	static final Viewer admin = ThreadFixtures.admin(40);

	@Test
	void whoeverMayNotOpenOthersThreadsOpensNoThreadButTheirOwn() {
		List<MessageThread> threads = List.of(openAcademicThread(owner, null),
				openAcademicThread(owner, assignedTeacher.userId()), openTechnicalThread(owner, null),
				openTechnicalThread(owner, operator.userId()));
		for (RoleName role : RoleName.values()) {
			Viewer viewer = new Viewer(99, role, Set.of(MATEMATIKA, KIMIA));
			boolean opensAny = threads.stream().anyMatch((thread) -> ThreadAccess.mayOpen(viewer, thread));
			assertThat(opensAny).as("%s opens another person's thread", role)
				.isEqualTo(ThreadAccess.mayOpenOthersThreads(viewer));
		}
	}

	@Test
	void studentSeesOnlyTheirOwnThreads() {
		MessageThread thread = openAcademicThread(owner, assignedTeacher.userId());

		assertThat(ThreadAccess.onDesk(owner, thread)).isTrue();
		assertThat(ThreadAccess.mayOpen(otherStudent, thread)).isFalse();
	}

	@Test
	void teacherDeskHoldsTheirThreadsAndUnassignedAcademicThreadsOfTheirCategories() {
		MessageThread assigned = openAcademicThread(owner, assignedTeacher.userId());
		MessageThread unassigned = openAcademicThread(owner, null);

		assertThat(ThreadAccess.onDesk(assignedTeacher, assigned)).isTrue();
		assertThat(ThreadAccess.onDesk(colleague, assigned)).isFalse();
		assertThat(ThreadAccess.onDesk(colleague, unassigned)).isTrue();
		assertThat(ThreadAccess.onDesk(chemistryTeacher, unassigned)).isFalse();
	}

	@Test
	void teacherMayOpenAnyAcademicThreadOfTheirCategoriesButNoOther() {
		MessageThread assigned = openAcademicThread(owner, assignedTeacher.userId());

		assertThat(ThreadAccess.mayOpen(colleague, assigned)).isTrue();
		assertThat(ThreadAccess.mayOpen(chemistryTeacher, assigned)).isFalse();
		assertThat(ThreadAccess.mayOpen(assignedTeacher, openTechnicalThread(owner, null))).isFalse();
	}

	@Test
	void aReportAboutAQuestionBelongsToTheTeachersOfItsCategoryLikeAnAcademicThread() {
		MessageThread waiting = ThreadFixtures.openReportAboutAQuestion(owner, null);
		MessageThread held = ThreadFixtures.openReportAboutAQuestion(owner, assignedTeacher.userId());

		assertThat(waiting.isSubjectMatter()).isTrue();
		assertThat(ThreadAccess.onDesk(colleague, waiting)).isTrue();
		assertThat(ThreadAccess.onDesk(operator, waiting)).isFalse();
		assertThat(ThreadAccess.mayOpen(colleague, held)).isTrue();
		assertThat(ThreadAccess.mayOpen(chemistryTeacher, held)).isFalse();
		assertThat(ThreadAccess.mayOpen(operator, held)).isFalse();
		assertThat(ThreadAccess.mayOpen(admin, held)).isTrue();
		assertThat(ThreadAccess.allows(colleague, held, ThreadAction.RESOLVE)).isTrue();
		assertThat(ThreadAccess.mayPublishExplanation(colleague, MATEMATIKA)).isTrue();
		assertThat(ThreadAccess.mayPublishExplanation(chemistryTeacher, MATEMATIKA)).isFalse();
		assertThat(ThreadAccess.mayPublishExplanation(operator, MATEMATIKA)).isFalse();
		assertThat(ThreadAccess.mayPublishExplanation(admin, MATEMATIKA)).isTrue();
	}

	@Test
	void operatorDeskHoldsTheirThreadsAndUnassignedNonAcademicThreads() {
		MessageThread unassigned = openTechnicalThread(owner, null);
		MessageThread theirs = openTechnicalThread(owner, operator.userId());

		assertThat(ThreadAccess.onDesk(operator, unassigned)).isTrue();
		assertThat(ThreadAccess.onDesk(operator, theirs)).isTrue();
		assertThat(ThreadAccess.onDesk(otherOperator, theirs)).isFalse();
		assertThat(ThreadAccess.mayOpen(otherOperator, theirs)).isTrue();
		assertThat(ThreadAccess.onDesk(operator, openAcademicThread(owner, null))).isFalse();
		assertThat(ThreadAccess.mayOpen(operator, openAcademicThread(owner, null))).isFalse();
	}

	@Test
	void adminDeskAddsThreadsWithAPendingCloseRequestAndAdminsMayOpenAnything() {
		MessageThread asked = openAcademicThread(owner, assignedTeacher.userId());
		asked.requestClose(assignedTeacher.userId(), NOW);

		assertThat(ThreadAccess.onDesk(admin, asked)).isTrue();
		assertThat(ThreadAccess.onDesk(operator, asked)).isFalse();
		assertThat(ThreadAccess.mayOpen(admin, openAcademicThread(owner, assignedTeacher.userId()))).isTrue();
	}

	@Test
	void visitorsSeeNothing() {
		MessageThread thread = openTechnicalThread(owner, null);

		assertThat(ThreadAccess.mayOpen(ThreadFixtures.visitor(50), thread)).isFalse();
	}

	@Test
	void studentRepliesToAndClosesTheirOwnThreadButManagesNothingElse() {
		MessageThread thread = openAcademicThread(owner, assignedTeacher.userId());

		assertThat(ThreadAccess.allows(owner, thread, ThreadAction.REPLY)).isTrue();
		assertThat(ThreadAccess.allows(owner, thread, ThreadAction.CLOSE)).isTrue();
		for (ThreadAction action : new ThreadAction[] { ThreadAction.REQUEST_CLOSE, ThreadAction.RESOLVE,
				ThreadAction.CHANGE_STATUS, ThreadAction.ASSIGN, ThreadAction.CLAIM, ThreadAction.CHANGE_PRIORITY,
				ThreadAction.VIEW_AUDIT }) {
			assertThat(ThreadAccess.allows(owner, thread, action)).as(action.name()).isFalse();
		}
	}

	@Test
	void teacherResolvesAndRequestsClosingButNeitherClosesNorManages() {
		MessageThread thread = openAcademicThread(owner, assignedTeacher.userId());

		assertThat(ThreadAccess.allows(assignedTeacher, thread, ThreadAction.RESOLVE)).isTrue();
		assertThat(ThreadAccess.allows(assignedTeacher, thread, ThreadAction.REQUEST_CLOSE)).isTrue();
		assertThat(ThreadAccess.allows(assignedTeacher, thread, ThreadAction.CLOSE)).isFalse();
		assertThat(ThreadAccess.allows(assignedTeacher, thread, ThreadAction.CHANGE_STATUS)).isFalse();
		assertThat(ThreadAccess.allows(assignedTeacher, thread, ThreadAction.ASSIGN)).isFalse();
		assertThat(ThreadAccess.allows(assignedTeacher, thread, ThreadAction.CHANGE_PRIORITY)).isFalse();
	}

	@Test
	void handlersMayClaimWhatTheyMayOpenAndTheThreadSaysWhetherItIsFree() {
		assertThat(ThreadAccess.allows(colleague, openAcademicThread(owner, null), ThreadAction.CLAIM)).isTrue();
		assertThat(ThreadAccess.allows(owner, openAcademicThread(owner, null), ThreadAction.CLAIM)).isFalse();
	}

	@Test
	void staffManageEverythingTheyMayOpen() {
		MessageThread thread = openTechnicalThread(owner, operator.userId());

		for (ThreadAction action : new ThreadAction[] { ThreadAction.REPLY, ThreadAction.CLOSE, ThreadAction.RESOLVE,
				ThreadAction.CHANGE_STATUS, ThreadAction.ASSIGN, ThreadAction.CHANGE_PRIORITY,
				ThreadAction.VIEW_AUDIT }) {
			assertThat(ThreadAccess.allows(otherOperator, thread, action)).as(action.name()).isTrue();
			assertThat(ThreadAccess.allows(admin, thread, action)).as(action.name()).isTrue();
		}
	}

	@Test
	void nothingIsAllowedOnAThreadOneMayNotOpen() {
		MessageThread thread = openAcademicThread(owner, assignedTeacher.userId());

		for (ThreadAction action : ThreadAction.values()) {
			assertThat(ThreadAccess.allows(otherStudent, thread, action)).isFalse();
			assertThat(ThreadAccess.allows(chemistryTeacher, thread, action)).isFalse();
			assertThat(ThreadAccess.allows(operator, thread, action)).isFalse();
		}
	}

}
