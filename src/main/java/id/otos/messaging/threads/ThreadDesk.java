package id.otos.messaging.threads;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import id.otos.messaging.attachments.AcceptedFile;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.questions.Question;
import id.otos.messaging.questions.QuestionBank;
import id.otos.messaging.questions.QuestionNotFoundException;
import id.otos.messaging.threads.ThreadEvents.ThreadChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything people do with threads: open, reply, and the workflow actions. Each action
 * loads the thread locked, asks {@link ThreadAccess} (404 for a thread the person may not
 * open, 403 for an action they may not take), and lets the thread guard its own state.
 */
@Service
public class ThreadDesk {

	private final MessageThreadRepository threads;

	private final Posting posting;

	private final Routing routing;

	private final Rerouting rerouting;

	private final Categories categories;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MessagesProperties properties;

	private final QuestionBank questions;

	ThreadDesk(MessageThreadRepository threads, Posting posting, Routing routing, Rerouting rerouting,
			Categories categories, ApplicationEventPublisher events, Clock clock, MessagesProperties properties,
			QuestionBank questions) {
		this.questions = questions;
		this.rerouting = rerouting;
		this.threads = threads;
		this.posting = posting;
		this.routing = routing;
		this.categories = categories;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * A student opens a thread with its first message. Submitting the same form twice
	 * opens it once. A student opens at most {@code otos.messages.threads-per-hour}
	 * threads in any hour (counted in the database, so on every node alike; two
	 * submissions racing each other may both pass the count): over that, nothing is
	 * opened.
	 */
	@Transactional
	public long open(Viewer student, NewThread request, AcceptedFile attachment) {
		if (!ThreadAccess.mayOpenNewThread(student) || !request.type().studentsMayOpen()) {
			throw new ThreadForbiddenException("open a thread of type " + request.type());
		}
		Optional<Submitted> resubmitted = this.posting.resubmitted(student, request.submissionKey());
		if (resubmitted.isPresent()) {
			return resubmitted.get().threadId();
		}
		if (!ThreadAccess.mayChoose(student, request.priority())) {
			throw new ThreadRuleException("thread.error.priority-not-for-students");
		}
		Instant now = this.clock.instant();
		withinHourlyLimit(student, now);
		Long categoryId = request.type().isAcademic() ? request.categoryId() : null;
		if (request.type().isAcademic() && categoryId == null) {
			throw new ThreadRuleException("thread.error.category-required");
		}
		if (categoryId != null && this.categories.find(categoryId).isEmpty()) {
			throw new ThreadRuleException("thread.error.category-unknown");
		}
		Long teacherId = request.teacherId();
		if (teacherId != null && (categoryId == null || !this.categories.teacherIds(categoryId).contains(teacherId))) {
			throw new ThreadRuleException("thread.error.teacher-not-of-category");
		}
		RoutingDecision routed = this.routing.route(request.type(), categoryId, teacherId);
		MessageThread thread = new MessageThread(request.title(), request.type(), request.priority(), categoryId,
				student.userId(), null, student.userId(), now);
		thread.routed(routed, student.userId(), now);
		this.threads.save(thread);
		this.posting.post(thread, student, request.content(), request.submissionKey(), attachment, now);
		return thread.getId();
	}

	/**
	 * A student reports one of otos's questions: a report thread about the question, in
	 * its category, routed like an academic question to the category's teachers (the
	 * teacher already answering the question's open reports first, so that they stay
	 * together). A question the student may not see is not found. Submitting the same
	 * form twice opens it once.
	 */
	@Transactional
	public long openReport(Viewer student, long questionId, NewThread request, AcceptedFile attachment) {
		if (!ThreadAccess.mayOpenNewThread(student)) {
			throw new ThreadForbiddenException("report a question");
		}
		Question question = this.questions.findForStudent(questionId, student.userId())
			.orElseThrow(QuestionNotFoundException::new);
		Optional<Submitted> resubmitted = this.posting.resubmitted(student, request.submissionKey());
		if (resubmitted.isPresent()) {
			return resubmitted.get().threadId();
		}
		if (!ThreadAccess.mayChoose(student, request.priority())) {
			throw new ThreadRuleException("thread.error.priority-not-for-students");
		}
		Instant now = this.clock.instant();
		withinHourlyLimit(student, now);
		Long holder = this.threads.handlerOfOpenReportsAbout(questionId).stream().findFirst().orElse(null);
		RoutingDecision routed = this.routing.route(true, question.categoryId(), holder);
		MessageThread thread = new MessageThread(request.title(), ThreadType.REPORT, request.priority(),
				question.categoryId(), student.userId(), null, student.userId(), now);
		thread.aboutQuestion(questionId);
		thread.routed(routed, student.userId(), now);
		this.threads.save(thread);
		this.posting.post(thread, student, request.content(), request.submissionKey(), attachment, now);
		return thread.getId();
	}

	/**
	 * The thread a new-thread form opened, for the second of two identical submissions
	 * that raced each other (the database let only the first one in).
	 */
	@Transactional(readOnly = true)
	public Optional<Long> threadOpenedWith(Viewer student, String submissionKey) {
		return this.posting.resubmitted(student, submissionKey).map(Submitted::threadId);
	}

	/** Replies to a thread; a second submission of the same form is the same reply. */
	@Transactional
	public long reply(Viewer by, long threadId, String content, String submissionKey, AcceptedFile attachment) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.REPLY);
		Optional<Submitted> resubmitted = this.posting.resubmitted(by, submissionKey);
		if (resubmitted.isPresent()) {
			return resubmitted.get().messageId();
		}
		Instant now = this.clock.instant();
		boolean reopens = thread.getStatus() == ThreadStatus.CLOSED;
		thread.replied(by, now);
		if (reopens) {
			// its handler may have left while it was closed
			this.rerouting.keepOnADesk(thread, by.userId());
		}
		return this.posting.post(thread, by, content, submissionKey, attachment, now).getId();
	}

	@Transactional
	public void close(Viewer by, long threadId) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.CLOSE);
		thread.close(by.userId(), this.clock.instant());
		changed(thread, by);
	}

	@Transactional
	public void requestClose(Viewer by, long threadId) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.REQUEST_CLOSE);
		thread.requestClose(by.userId(), this.clock.instant());
		changed(thread, by);
	}

	/**
	 * Sets a status: operators and admins any; teachers only "resolved"; everyone else
	 * nothing.
	 */
	@Transactional
	public void changeStatus(Viewer by, long threadId, ThreadStatus status) {
		if (status == ThreadStatus.RESOLVED && !by.isStaff()) {
			MessageThread thread = lockedFor(by, threadId, ThreadAction.RESOLVE);
			thread.resolve(by.userId(), this.clock.instant());
			settled(thread, by);
			return;
		}
		MessageThread thread = lockedFor(by, threadId, ThreadAction.CHANGE_STATUS);
		thread.changeStatus(status, by.userId(), this.clock.instant());
		settled(thread, by);
	}

	@Transactional
	public void changePriority(Viewer by, long threadId, Priority priority) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.CHANGE_PRIORITY);
		thread.changePriority(priority, by.userId(), this.clock.instant());
		changed(thread, by);
	}

	/** Assigns, reassigns or (with {@code null}) unassigns the thread. */
	@Transactional
	public void assign(Viewer by, long threadId, Long handlerId, String note) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.ASSIGN);
		requireAssignable(thread, handlerId, note);
		thread.assign(handlerId, by.userId(), note, this.clock.instant());
		settled(thread, by);
	}

	/**
	 * Status, priority and handler in one step: each change that differs from the thread
	 * now is made and audited on its own, each checked as its own action would be; if any
	 * is refused, none is made (one transaction).
	 * @return whether anything changed
	 */
	@Transactional
	public boolean triage(Viewer by, long threadId, Triage triage) {
		MessageThread thread = locked(by, threadId);
		Instant now = this.clock.instant();
		boolean changed = false;
		if (triage.status() != null && triage.status() != thread.getStatus()) {
			allowed(by, thread, ThreadAction.CHANGE_STATUS);
			thread.changeStatus(triage.status(), by.userId(), now);
			changed = true;
		}
		if (triage.priority() != null && triage.priority() != thread.getPriority()) {
			allowed(by, thread, ThreadAction.CHANGE_PRIORITY);
			thread.changePriority(triage.priority(), by.userId(), now);
			changed = true;
		}
		if (!Objects.equals(triage.handlerId(), thread.getHandlerId())) {
			allowed(by, thread, ThreadAction.ASSIGN);
			requireAssignable(thread, triage.handlerId(), triage.note());
			thread.assign(triage.handlerId(), by.userId(), triage.note(), now);
			changed = true;
		}
		if (changed) {
			settled(thread, by);
		}
		return changed;
	}

	/**
	 * The teacher who holds the thread hands it to another active teacher of its
	 * category, with an optional note to them.
	 */
	@Transactional
	public void handOff(Viewer by, long threadId, Long teacherId, String note) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.HAND_OFF);
		if (teacherId == null) {
			throw new ThreadRuleException("thread.error.handler-not-eligible");
		}
		requireAssignable(thread, teacherId, note);
		thread.handOff(by.userId(), teacherId, note, this.clock.instant());
		changed(thread, by);
	}

	/**
	 * The handler takes an unassigned thread themselves; one someone else took first is a
	 * move the workflow refuses with a message, not a forbidden one.
	 */
	@Transactional
	public void claim(Viewer by, long threadId) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.CLAIM);
		thread.claim(by.userId(), this.clock.instant());
		changed(thread, by);
	}

	private void withinHourlyLimit(Viewer student, Instant now) {
		Duration hour = Duration.ofHours(1);
		int limit = this.properties.threadsPerHour();
		RecentThreads recent = this.threads.openedBySince(student.userId(), now.minus(hour));
		if (recent.count() >= limit) {
			Duration wait = Duration.between(now, recent.earliest().plus(hour));
			long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
			throw new ThreadRuleException("thread.error.too-many-threads", limit, minutes);
		}
	}

	private void requireAssignable(MessageThread thread, Long handlerId, String note) {
		if (note != null && note.length() > ThreadAuditEntry.NOTE_MAX) {
			throw new ThreadRuleException("thread.error.note-too-long");
		}
		if (handlerId != null && !this.routing.mayHandle(handlerId, thread)) {
			throw new ThreadRuleException("thread.error.handler-not-eligible");
		}
	}

	private MessageThread lockedFor(Viewer viewer, long threadId, ThreadAction action) {
		MessageThread thread = locked(viewer, threadId);
		allowed(viewer, thread, action);
		return thread;
	}

	private MessageThread locked(Viewer viewer, long threadId) {
		return this.threads.findForUpdate(threadId)
			.filter((candidate) -> ThreadAccess.mayOpen(viewer, candidate))
			.orElseThrow(() -> new ThreadNotFoundException(threadId));
	}

	private static void allowed(Viewer viewer, MessageThread thread, ThreadAction action) {
		if (!ThreadAccess.allows(viewer, thread, action)) {
			throw new ThreadForbiddenException(action);
		}
	}

	/**
	 * Announces a change of status or handler; one that left the thread on nobody's desk
	 * (unassigned in a category without teacher, reopened with a handler who left) sends
	 * it back through routing first. Closing, asking to close, priority, claim and
	 * hand-off cannot, and announce at once ({@link #changed}).
	 */
	private void settled(MessageThread thread, Viewer by) {
		this.rerouting.keepOnADesk(thread, by.userId());
		changed(thread, by);
	}

	private void changed(MessageThread thread, Viewer by) {
		this.events.publishEvent(new ThreadChanged(thread.getId(), by.userId(), thread.getStudentId()));
	}

}
