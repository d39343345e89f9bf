package id.otos.messaging.threads;

import java.time.Instant;
import java.util.Set;

import id.otos.messaging.accounts.RoleName;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * Threads and people for domain tests, in the seed's words.
 */
final class ThreadFixtures {

	static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

	static final long MATEMATIKA = 1;

	static final long KIMIA = 4;

	private static long ids = 100;

	private ThreadFixtures() {
	}

	static Viewer student(long id) {
		return new Viewer(id, RoleName.STUDENT, Set.of());
	}

	static Viewer teacherOf(long id, Long... categories) {
		return new Viewer(id, RoleName.TEACHER, Set.of(categories));
	}

	static Viewer operator(long id) {
		return new Viewer(id, RoleName.OPERATOR, Set.of());
	}

	static Viewer admin(long id) {
		return new Viewer(id, RoleName.ADMIN, Set.of());
	}

	static Viewer visitor(long id) {
		return new Viewer(id, RoleName.VISITOR, Set.of());
	}

	static MessageThread openAcademicThread(Viewer student, Long teacherId) {
		return thread(ThreadType.ACADEMIC, MATEMATIKA, student, teacherId);
	}

	static MessageThread openTechnicalThread(Viewer student, Long operatorId) {
		return thread(ThreadType.TECHNICAL, null, student, operatorId);
	}

	/** A student's report about an otos question of Matematika (issue 14). */
	static MessageThread openReportAboutAQuestion(Viewer student, Long handlerId) {
		MessageThread thread = new MessageThread("Laporan soal #1", ThreadType.REPORT, Priority.NORMAL, MATEMATIKA,
				student.userId(), handlerId, student.userId(), NOW);
		thread.aboutQuestion(1);
		ReflectionTestUtils.setField(thread, "id", ids++);
		return thread;
	}

	static MessageThread thread(ThreadType type, Long categoryId, Viewer student, Long handlerId) {
		MessageThread thread = new MessageThread("Soal integral", type, Priority.NORMAL, categoryId, student.userId(),
				handlerId, student.userId(), NOW);
		ReflectionTestUtils.setField(thread, "id", ids++);
		return thread;
	}

}
