package id.otos.messaging.threads;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.otos.messaging.questions.Question;
import id.otos.messaging.questions.QuestionBank;
import id.otos.messaging.questions.QuestionNotFoundException;
import id.otos.messaging.threads.ThreadEvents.ThreadChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students' reports about one of otos's questions, folded together for staff: the open
 * reports a staff member may open ({@link DeskQuery#openable}, the access rule's SQL
 * twin), answered all at once (each student gets the answer in their own thread, through
 * {@link Posting} like any reply) and resolved together (each thread through its own
 * guarded, audited move). The newest answer is shown to a student who reports the
 * question later. Standalone schools have no questions: everything here is "not found".
 */
@Service
public class QuestionReports {

	private final QuestionBank questions;

	private final MessageThreadRepository threads;

	private final Posting posting;

	private final Rerouting rerouting;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	QuestionReports(QuestionBank questions, MessageThreadRepository threads, Posting posting, Rerouting rerouting,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.questions = questions;
		this.threads = threads;
		this.posting = posting;
		this.rerouting = rerouting;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The question a student reports, if they may see it; else "not found". */
	@Transactional(readOnly = true)
	public Question questionFor(Viewer student, long questionId) {
		if (!ThreadAccess.mayOpenNewThread(student)) {
			throw new QuestionNotFoundException();
		}
		return this.questions.findForStudent(questionId, student.userId()).orElseThrow(QuestionNotFoundException::new);
	}

	/** The newest answer staff gave to the reports about the question, if any. */
	@Transactional(readOnly = true)
	public Optional<PublishedAnswer> latestAnswer(long questionId) {
		if (!this.questions.isPresent()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select a.content, a.created_at from otos_question_answer a
				where a.question_id = :question order by a.id desc fetch first 1 rows only
				""")
			.param("question", questionId)
			.query((row, number) -> new PublishedAnswer(row.getString(1),
					row.getObject(2, java.time.OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * The open reports about the question that the viewer may open, oldest first, with
	 * each student's report. Not found for a viewer who may neither open one of them nor
	 * correct the question.
	 */
	@Transactional(readOnly = true)
	public ReportGroup group(Viewer staff, long questionId) {
		Question question = questionForStaff(staff, questionId);
		List<ReportRow> reports = openReports(staff, questionId);
		requireGroupFor(staff, question, reports);
		return new ReportGroup(question, reports, latestAnswer(questionId).orElse(null));
	}

	/**
	 * The group is there for someone who may open one of its reports or correct the
	 * question; for anyone else it does not exist.
	 */
	private static void requireGroupFor(Viewer staff, Question question, List<ReportRow> reports) {
		if (reports.isEmpty() && !ThreadAccess.mayPublishExplanation(staff, question.categoryId())) {
			throw new QuestionNotFoundException();
		}
	}

	/**
	 * The link from a report's page to the open reports about its question that the
	 * viewer may open (staff only); empty for any other thread or viewer.
	 */
	@Transactional(readOnly = true)
	public Optional<GroupLink> groupLink(Viewer staff, long threadId) {
		if (!staff.isHandler() || !this.questions.isPresent()) {
			return Optional.empty();
		}
		return this.threads.findById(threadId)
			.map(MessageThread::getQuestionId)
			.map((questionId) -> new GroupLink(questionId, openReports(staff, questionId).size()))
			.filter((link) -> link.openReports() > 0);
	}

	/**
	 * Answers every open report about the question that the viewer may answer: in each
	 * student's own thread, as a reply from the viewer (unread for the student, live, in
	 * their digest). Submitting the same form twice answers once.
	 * @return how many students got the answer (0 for a resubmission)
	 */
	@Transactional
	public int answerAll(Viewer staff, long questionId, String content, String submissionKey) {
		Question question = questionForStaff(staff, questionId);
		requireGroupFor(staff, question, openReports(staff, questionId));
		if (content == null || content.isBlank()) {
			throw new ThreadRuleException("thread.error.content-required");
		}
		if (content.strip().length() > Message.CONTENT_MAX) {
			throw new ThreadRuleException("thread.error.content-too-long");
		}
		String key = (submissionKey == null || submissionKey.isBlank()) ? null : submissionKey;
		if (key != null && this.jdbc
			.sql("select count(*) from otos_question_answer where author_id = :author and submission_key = :key")
			.param("author", staff.userId())
			.param("key", key)
			.query(Long.class)
			.single() > 0) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<MessageThread> reports = lockedReports(staff, questionId, ThreadAction.REPLY);
		if (reports.isEmpty()) {
			return 0;
		}
		// a racing identical submission hits the key's unique constraint: the caller runs
		// this again
		this.jdbc
			.sql("""
					insert into otos_question_answer (question_id, author_id, content, report_count, submission_key, created_at)
					values (:question, :author, :content, :count, :key, :now)
					""")
			.param("question", questionId)
			.param("author", staff.userId())
			.param("content", content.strip())
			.param("count", reports.size())
			.param("key", key)
			.param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
			.update();
		for (MessageThread thread : reports) {
			thread.replied(staff, now);
			this.posting.post(thread, staff, content, null, null, now);
		}
		return reports.size();
	}

	/**
	 * Resolves every open report about the question that the viewer may resolve, each
	 * through the thread's own guarded and audited move.
	 * @return how many were resolved
	 */
	@Transactional
	public int resolveAll(Viewer staff, long questionId) {
		Question question = questionForStaff(staff, questionId);
		requireGroupFor(staff, question, openReports(staff, questionId));
		Instant now = this.clock.instant();
		List<MessageThread> reports = lockedReports(staff, questionId, ThreadAction.RESOLVE);
		for (MessageThread thread : reports) {
			thread.resolve(staff.userId(), now);
			this.rerouting.keepOnADesk(thread, staff.userId());
			this.events.publishEvent(new ThreadChanged(thread.getId(), staff.userId(), thread.getStudentId()));
		}
		return reports.size();
	}

	/**
	 * Tells every student who reported the question, in each thread not closed that the
	 * viewer may reply to, with this text.
	 */
	void tellReporters(Viewer staff, long questionId, String content, Instant now) {
		List<Long> ids = this.jdbc.sql("""
				select t.id from otosapp_messagethread t
				where t.question_id = :question and t.status <> 'closed'
				order by t.id
				""").param("question", questionId).query(Long.class).list();
		for (long id : ids) {
			MessageThread thread = this.threads.findForUpdate(id).orElse(null);
			if (thread != null && ThreadAccess.allows(staff, thread, ThreadAction.REPLY)) {
				thread.replied(staff, now);
				this.posting.post(thread, staff, content, null, null, now);
			}
		}
	}

	private Question questionForStaff(Viewer staff, long questionId) {
		if (!staff.isHandler()) {
			throw new QuestionNotFoundException();
		}
		return this.questions.find(questionId).orElseThrow(QuestionNotFoundException::new);
	}

	private List<MessageThread> lockedReports(Viewer staff, long questionId, ThreadAction action) {
		List<MessageThread> reports = new ArrayList<>();
		for (ReportRow row : openReports(staff, questionId)) {
			this.threads.findForUpdate(row.threadId())
				.filter((thread) -> ThreadAccess.allows(staff, thread, action) && thread.permits(action)
						&& isOpenReport(thread, questionId))
				.ifPresent(reports::add);
		}
		return reports;
	}

	private static boolean isOpenReport(MessageThread thread, long questionId) {
		return Long.valueOf(questionId).equals(thread.getQuestionId())
				&& (thread.getStatus() == ThreadStatus.OPEN || thread.getStatus() == ThreadStatus.PENDING);
	}

	private List<ReportRow> openReports(Viewer staff, long questionId) {
		DeskQuery openable = DeskQuery.openable(staff);
		return this.jdbc
			.sql("""
					select t.id, t.title, t.status, t.created_at, t.student_id, u.first_name, u.last_name, u.email,
					       (select m.content from otosapp_message m where m.thread_id = t.id order by m.id fetch first 1 rows only)
					from otosapp_messagethread t join otosapp_user u on u.id = t.student_id
					where t.question_id = :question and t.status in ('open', 'pending') and %s
					order by t.created_at, t.id
					"""
				.formatted(openable.condition()))
			.params(Map.of("question", questionId))
			.params(openable.parameters())
			.query((row, number) -> new ReportRow(row.getLong(1), row.getString(2),
					ThreadStatus.fromCode(row.getString(3)),
					row.getObject(4, java.time.OffsetDateTime.class).toInstant(), row.getLong(5),
					studentName(row.getString(6), row.getString(7), row.getString(8)), row.getString(9)))
			.list();
	}

	private static String studentName(String first, String last, String email) {
		String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
		return name.isEmpty() ? email : name;
	}

	/** A question's open reports, from one of them. */
	public record GroupLink(long questionId, int openReports) {
	}

	/** An answer given to all reports about a question. */
	public record PublishedAnswer(String content, Instant at) {
	}

	/** One student's open report. */
	public record ReportRow(long threadId, String title, ThreadStatus status, Instant createdAt, long studentId,
			String studentName, String text) {
	}

	/** The open reports about one question that a staff member may open. */
	public record ReportGroup(Question question, List<ReportRow> reports, PublishedAnswer earlierAnswer) {

		public ReportGroup {
			reports = List.copyOf(reports);
		}

		public int count() {
			return this.reports.size();
		}

		public Optional<Instant> firstReport() {
			return this.reports.stream().map(ReportRow::createdAt).min(Instant::compareTo);
		}

		public Optional<Instant> latestReport() {
			return this.reports.stream().map(ReportRow::createdAt).max(Instant::compareTo);
		}

	}

}
