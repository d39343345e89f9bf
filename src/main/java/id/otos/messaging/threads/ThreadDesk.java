package id.otos.messaging.threads;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.attachments.AcceptedFile;
import id.otos.messaging.attachments.Attachments;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.threads.ThreadEvents.MessagePosted;
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

	private final MessageRepository messages;

	private final ReadPositions reads;

	private final Routing routing;

	private final Categories categories;

	private final Accounts accounts;

	private final Attachments attachments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ThreadDesk(MessageThreadRepository threads, MessageRepository messages, ReadPositions reads, Routing routing,
			Categories categories, Accounts accounts, Attachments attachments, ApplicationEventPublisher events,
			Clock clock) {
		this.threads = threads;
		this.messages = messages;
		this.reads = reads;
		this.routing = routing;
		this.categories = categories;
		this.accounts = accounts;
		this.attachments = attachments;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A student opens a thread with its first message. Submitting the same form twice
	 * opens it once.
	 */
	@Transactional
	public long open(Viewer student, NewThread request, AcceptedFile attachment) {
		if (!ThreadAccess.mayOpenNewThread(student) || !request.type().studentsMayOpen()) {
			throw new ThreadForbiddenException("open a thread of type " + request.type());
		}
		Optional<Message> resubmitted = resubmitted(student, request.submissionKey());
		if (resubmitted.isPresent()) {
			return resubmitted.get().getThreadId();
		}
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
		Instant now = this.clock.instant();
		Long handler = this.routing.handlerFor(request.type(), categoryId, teacherId).orElse(null);
		MessageThread thread = this.threads.save(new MessageThread(request.title().strip(), request.type(),
				request.priority(), categoryId, student.userId(), handler, student.userId(), now));
		post(thread, student, request.content(), request.submissionKey(), attachment, now);
		return thread.getId();
	}

	/**
	 * The thread a new-thread form opened, for the second of two identical submissions
	 * that raced each other (the database let only the first one in).
	 */
	@Transactional(readOnly = true)
	public Optional<Long> threadOpenedWith(Viewer student, String submissionKey) {
		return resubmitted(student, submissionKey).map(Message::getThreadId);
	}

	/** Replies to a thread; a second submission of the same form is the same reply. */
	@Transactional
	public long reply(Viewer by, long threadId, String content, String submissionKey, AcceptedFile attachment) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.REPLY);
		Optional<Message> resubmitted = resubmitted(by, submissionKey);
		if (resubmitted.isPresent()) {
			return resubmitted.get().getId();
		}
		Instant now = this.clock.instant();
		thread.replied(by, now);
		return post(thread, by, content, submissionKey, attachment, now).getId();
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
			changed(thread, by);
			return;
		}
		MessageThread thread = lockedFor(by, threadId, ThreadAction.CHANGE_STATUS);
		thread.changeStatus(status, by.userId(), this.clock.instant());
		changed(thread, by);
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
		if (handlerId != null && !this.routing.mayHandle(handlerId, thread)) {
			throw new ThreadRuleException("thread.error.handler-not-eligible");
		}
		thread.assign(handlerId, by.userId(), note, this.clock.instant());
		changed(thread, by);
	}

	/** The handler takes an unassigned thread themselves. */
	@Transactional
	public void claim(Viewer by, long threadId) {
		MessageThread thread = lockedFor(by, threadId, ThreadAction.CLAIM);
		thread.assign(by.userId(), by.userId(), "claimed", this.clock.instant());
		changed(thread, by);
	}

	/**
	 * An operator or admin sends one information thread per student. Submitting the same
	 * form twice sends it once. Returns how many students it went to.
	 */
	@Transactional
	public int broadcast(Viewer staff, Broadcast broadcast) {
		if (!ThreadAccess.mayBroadcast(staff)) {
			throw new ThreadForbiddenException("broadcast");
		}
		Set<Long> students = new LinkedHashSet<>(broadcast.studentIds());
		if (broadcast.categoryId() != null) {
			students.addAll(this.threads.studentsWhoAskedAbout(broadcast.categoryId()));
		}
		students.retainAll(this.accounts.activeIdsWithRole(RoleName.STUDENT));
		if (students.isEmpty()) {
			throw new ThreadRuleException("broadcast.error.no-students");
		}
		Instant now = this.clock.instant();
		int sent = 0;
		for (long studentId : students) {
			String key = (broadcast.submissionKey() != null) ? broadcast.submissionKey() + ":" + studentId : null;
			if (resubmitted(staff, key).isEmpty()) {
				MessageThread thread = this.threads.save(new MessageThread(broadcast.title().strip(), ThreadType.INFO,
						broadcast.priority(), broadcast.categoryId(), studentId, staff.userId(), staff.userId(), now));
				post(thread, staff, broadcast.content(), key, null, now);
			}
			sent++;
		}
		return sent;
	}

	private Message post(MessageThread thread, Viewer sender, String content, String submissionKey,
			AcceptedFile attachment, Instant now) {
		Message message = this.messages.saveAndFlush(
				new Message(thread.getId(), sender.userId(), content.strip(), blankToNull(submissionKey), now));
		if (attachment != null) {
			message.attach(this.attachments.store(message.getId(), attachment));
		}
		thread.messagePosted(message.getId(), now);
		this.reads.readUpTo(thread.getId(), sender.userId(), message.getId(), now);
		this.events.publishEvent(new MessagePosted(thread.getId(), message.getId(), sender.userId()));
		return message;
	}

	private Optional<Message> resubmitted(Viewer sender, String submissionKey) {
		if (submissionKey == null || submissionKey.isBlank()) {
			return Optional.empty();
		}
		return this.messages.findBySenderIdAndSubmissionKey(sender.userId(), submissionKey);
	}

	private MessageThread lockedFor(Viewer viewer, long threadId, ThreadAction action) {
		MessageThread thread = this.threads.findForUpdate(threadId)
			.filter((candidate) -> ThreadAccess.mayOpen(viewer, candidate))
			.orElseThrow(() -> new ThreadNotFoundException(threadId));
		if (!ThreadAccess.allows(viewer, thread, action)) {
			throw new ThreadForbiddenException(action);
		}
		return thread;
	}

	private void changed(MessageThread thread, Viewer by) {
		this.events.publishEvent(new ThreadChanged(thread.getId(), by.userId()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
