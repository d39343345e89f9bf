package id.otos.messaging.threads;

import org.junit.jupiter.api.Test;

import static id.otos.messaging.threads.ThreadFixtures.NOW;
import static id.otos.messaging.threads.ThreadFixtures.openAcademicThread;
import static id.otos.messaging.threads.ThreadFixtures.student;
import static id.otos.messaging.threads.ThreadFixtures.teacherOf;
import static id.otos.messaging.threads.ThreadFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The status workflow: every allowed move, every refused one, and what replies do.
 */
class MessageThreadTests {

	static final Viewer siswa = student(10);

	static final Viewer guru = teacherOf(20, ThreadFixtures.MATEMATIKA);

	static final Viewer admin = ThreadFixtures.admin(40);

	@Test
	void aNewThreadIsOpenWithNormalBookkeeping() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());

		assertThat(thread.getStatus()).isEqualTo(ThreadStatus.OPEN);
		assertThat(thread.getLastActivity()).isEqualTo(NOW);
		assertThat(thread.auditEntries()).isEmpty();
	}

	@Test
	void anAcademicThreadNeedsACategory() {
		assertThatThrownBy(() -> ThreadFixtures.thread(ThreadType.ACADEMIC, null, siswa, null))
			.isInstanceOf(ThreadRuleException.class)
			.hasMessage("thread.error.category-required");
	}

	@Test
	void onlyANewReportWithACategoryIsAboutAQuestion() {
		MessageThread technical = new MessageThread("Aplikasi", ThreadType.TECHNICAL, Priority.NORMAL, null,
				siswa.userId(), null, siswa.userId(), NOW);
		MessageThread reportWithoutCategory = new MessageThread("Laporan", ThreadType.REPORT, Priority.NORMAL, null,
				siswa.userId(), null, siswa.userId(), NOW);
		MessageThread saved = ThreadFixtures.thread(ThreadType.REPORT, ThreadFixtures.MATEMATIKA, siswa, null);
		for (MessageThread thread : new MessageThread[] { technical, reportWithoutCategory, saved }) {
			assertThatThrownBy(() -> thread.aboutQuestion(1)).isInstanceOf(IllegalStateException.class);
			assertThat(thread.getQuestionId()).isNull();
			assertThat(thread.isSubjectMatter()).isFalse();
		}
		MessageThread report = ThreadFixtures.openReportAboutAQuestion(siswa, null);
		assertThat(report.getQuestionId()).isEqualTo(1L);
		assertThat(report.isSubjectMatter()).isTrue();
	}

	@Test
	void aTitleIsOneLineWithoutBidirectionalControls() {
		MessageThread thread = new MessageThread("Soal\r\nintegral\t\u2028parsial \u202Egnp.exe\u202C\u0085",
				ThreadType.GENERAL, Priority.NORMAL, null, siswa.userId(), null, siswa.userId(), NOW);

		assertThat(thread.getTitle()).isEqualTo("Soal integral parsial gnp.exe");
	}

	@Test
	void aTitleOfNothingButControlsIsRefused() {
		assertThatThrownBy(() -> new MessageThread("\u202E\r\n\t\u2066", ThreadType.GENERAL, Priority.NORMAL, null,
				siswa.userId(), null, siswa.userId(), NOW))
			.isInstanceOf(ThreadRuleException.class)
			.hasMessage("thread.error.title-required");
	}

	@Test
	void teacherRequestsClosingAndTheThreadWaits() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());

		thread.requestClose(guru.userId(), NOW.plusSeconds(60));

		assertThat(thread.getStatus()).isEqualTo(ThreadStatus.PENDING);
		assertThat(thread.hasPendingCloseRequest()).isTrue();
		assertThat(thread.getCloseRequestedById()).isEqualTo(guru.userId());
		assertThat(thread.auditEntries()).singleElement().satisfies((entry) -> {
			assertThat(entry.getAction()).isEqualTo("status");
			assertThat(entry.getFromValue()).isEqualTo("open");
			assertThat(entry.getToValue()).isEqualTo("pending");
			assertThat(entry.getActorId()).isEqualTo(guru.userId());
		});
	}

	@Test
	void closingIsRecordedWithWhoAndWhen() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());

		thread.close(admin.userId(), NOW.plusSeconds(5));

		assertThat(thread.getStatus()).isEqualTo(ThreadStatus.CLOSED);
		assertThat(thread.getClosedById()).isEqualTo(admin.userId());
		assertThat(thread.getClosedAt()).isEqualTo(NOW.plusSeconds(5));
	}

	@Test
	void aClosedThreadCannotBeClosedResolvedOrAskedToCloseAgain() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());
		thread.close(admin.userId(), NOW);

		assertThatThrownBy(() -> thread.close(admin.userId(), NOW)).hasMessage("thread.error.already-closed");
		assertThatThrownBy(() -> thread.resolve(guru.userId(), NOW)).hasMessage("thread.error.cannot-resolve");
		assertThatThrownBy(() -> thread.requestClose(guru.userId(), NOW))
			.hasMessage("thread.error.cannot-request-close");
	}

	@Test
	void resolvingIsAllowedFromOpenAndPendingOnly() {
		MessageThread open = openAcademicThread(siswa, guru.userId());
		open.resolve(guru.userId(), NOW);
		assertThat(open.getStatus()).isEqualTo(ThreadStatus.RESOLVED);
		assertThatThrownBy(() -> open.resolve(guru.userId(), NOW)).hasMessage("thread.error.cannot-resolve");

		MessageThread pending = openAcademicThread(siswa, guru.userId());
		pending.requestClose(guru.userId(), NOW);
		pending.resolve(guru.userId(), NOW);
		assertThat(pending.getStatus()).isEqualTo(ThreadStatus.RESOLVED);
	}

	@Test
	void anyReplyToAClosedThreadReopensIt() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());
		thread.close(admin.userId(), NOW);

		thread.replied(siswa, NOW.plusSeconds(10));

		assertThat(thread.getStatus()).isEqualTo(ThreadStatus.OPEN);
		assertThat(thread.getReopenedById()).isEqualTo(siswa.userId());
		assertThat(thread.getReopenedAt()).isEqualTo(NOW.plusSeconds(10));
	}

	@Test
	void theStudentsReplyToAResolvedThreadReopensItButTheTeachersDoesNot() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());
		thread.resolve(guru.userId(), NOW);

		thread.replied(guru, NOW);
		assertThat(thread.getStatus()).isEqualTo(ThreadStatus.RESOLVED);

		thread.replied(siswa, NOW);
		assertThat(thread.getStatus()).isEqualTo(ThreadStatus.OPEN);
	}

	@Test
	void theStudentsReplyWithdrawsACloseRequest() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());
		thread.requestClose(guru.userId(), NOW);

		thread.replied(siswa, NOW);

		assertThat(thread.getStatus()).isEqualTo(ThreadStatus.OPEN);
		assertThat(thread.hasPendingCloseRequest()).isFalse();
		assertThat(thread.getCloseRequestedAt()).isNull();
	}

	@Test
	void theFirstHandlerToReplyToAnUnassignedThreadTakesIt() {
		MessageThread thread = ThreadFixtures.openTechnicalThread(siswa, null);
		Viewer operator = operator(30);

		thread.replied(operator, NOW);

		assertThat(thread.getHandlerId()).isEqualTo(operator.userId());
		assertThat(thread.auditEntries()).singleElement().satisfies((entry) -> {
			assertThat(entry.getAction()).isEqualTo("assignment");
			assertThat(entry.getFromValue()).isNull();
			assertThat(entry.getToValue()).isEqualTo("30");
		});
	}

	@Test
	void aStudentsReplyNeverAssignsTheThread() {
		MessageThread thread = ThreadFixtures.openTechnicalThread(siswa, null);

		thread.replied(siswa, NOW);

		assertThat(thread.isAssigned()).isFalse();
	}

	@Test
	void staffSetAnyStatusWithTheSameBookkeepingAsTheSpecificMoves() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());

		thread.changeStatus(ThreadStatus.CLOSED, admin.userId(), NOW);
		assertThat(thread.getClosedById()).isEqualTo(admin.userId());

		thread.changeStatus(ThreadStatus.OPEN, admin.userId(), NOW);
		assertThat(thread.getReopenedById()).isEqualTo(admin.userId());

		thread.changeStatus(ThreadStatus.PENDING, admin.userId(), NOW);
		thread.changeStatus(ThreadStatus.RESOLVED, admin.userId(), NOW);
		assertThat(thread.auditEntries()).extracting(ThreadAuditEntry::getToValue)
			.containsExactly("closed", "open", "pending", "resolved");
	}

	@Test
	void settingTheStatusItAlreadyHasIsRefused() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());

		assertThatThrownBy(() -> thread.changeStatus(ThreadStatus.OPEN, admin.userId(), NOW))
			.hasMessage("thread.error.already-open");
		thread.changeStatus(ThreadStatus.PENDING, admin.userId(), NOW);
		assertThatThrownBy(() -> thread.changeStatus(ThreadStatus.PENDING, admin.userId(), NOW))
			.hasMessage("thread.error.same-status");
	}

	@Test
	void assignmentAndPriorityChangesAreAudited() {
		MessageThread thread = openAcademicThread(siswa, null);

		thread.assign(guru.userId(), admin.userId(), "guru kelas", NOW);
		thread.changePriority(Priority.URGENT, admin.userId(), NOW);

		assertThat(thread.auditEntries()).extracting(ThreadAuditEntry::getAction, ThreadAuditEntry::getToValue)
			.containsExactly(tuple("assignment", "20"), tuple("priority", "urgent"));
		assertThatThrownBy(() -> thread.assign(guru.userId(), admin.userId(), null, NOW))
			.hasMessage("thread.error.already-assigned");
		assertThatThrownBy(() -> thread.changePriority(Priority.URGENT, admin.userId(), NOW))
			.hasMessage("thread.error.same-priority");
	}

	@Test
	void onlyAnUnassignedThreadCanBeClaimedAndTheClaimIsAudited() {
		MessageThread free = openAcademicThread(siswa, null);
		MessageThread taken = openAcademicThread(siswa, guru.userId());

		assertThat(free.permits(ThreadAction.CLAIM)).isTrue();
		assertThat(taken.permits(ThreadAction.CLAIM)).isFalse();
		free.claim(guru.userId(), NOW);
		assertThat(free.getHandlerId()).isEqualTo(guru.userId());
		assertThat(free.auditEntries()).extracting(ThreadAuditEntry::getAction, ThreadAuditEntry::getNote)
			.containsExactly(tuple("assignment", "claimed"));
		assertThatThrownBy(() -> taken.claim(30, NOW)).isInstanceOf(ThreadRuleException.class)
			.hasMessage("thread.error.already-claimed");
	}

	@Test
	void theMovesAThreadPermitFollowItsStatus() {
		MessageThread thread = openAcademicThread(siswa, guru.userId());
		assertThat(thread.permits(ThreadAction.REQUEST_CLOSE)).isTrue();
		assertThat(thread.permits(ThreadAction.RESOLVE)).isTrue();

		thread.close(siswa.userId(), NOW);

		assertThat(thread.permits(ThreadAction.CLOSE)).isFalse();
		assertThat(thread.permits(ThreadAction.RESOLVE)).isFalse();
		assertThat(thread.permits(ThreadAction.REQUEST_CLOSE)).isFalse();
		assertThat(thread.permits(ThreadAction.REPLY)).as("a reply reopens it").isTrue();
	}

	@Test
	void routingsFirstDecisionIsRecordedAndAMoveAwayFromALeaverToo() {
		MessageThread thread = openAcademicThread(siswa, null);

		thread.routed(new RoutingDecision(20L, RoutingReason.TEACHER_FEWEST_OPEN), siswa.userId(), NOW);
		boolean moved = thread.rerouted(new RoutingDecision(30L, RoutingReason.NO_TEACHER_OPERATOR), NOW);
		boolean again = thread.rerouted(new RoutingDecision(30L, RoutingReason.NO_TEACHER_OPERATOR), NOW);

		assertThat(thread.getHandlerId()).isEqualTo(30L);
		assertThat(moved).isTrue();
		assertThat(again).as("already there: nothing to record").isFalse();
		assertThat(thread.auditEntries())
			.extracting(ThreadAuditEntry::getActorId, ThreadAuditEntry::getAction, ThreadAuditEntry::getFromValue,
					ThreadAuditEntry::getToValue, ThreadAuditEntry::getNote)
			.containsExactly(tuple(siswa.userId(), "routed", null, "20", "teacher"),
					tuple(null, "rerouted", "20", "30", "no-teacher-operator"));
	}

}
