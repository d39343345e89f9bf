package id.otos.messaging.threads;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations staff start with a student: one thread, which the student sees like any
 * of theirs, held by the staff member who started it (routing records why). Submitting
 * the same form twice starts it once.
 */
@Service
public class Conversations {

	private final MessageThreadRepository threads;

	private final Posting posting;

	private final Accounts accounts;

	private final Clock clock;

	Conversations(MessageThreadRepository threads, Posting posting, Accounts accounts, Clock clock) {
		this.threads = threads;
		this.posting = posting;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional
	public long start(Viewer staff, NewConversation conversation) {
		if (!ThreadAccess.mayStartConversation(staff)) {
			throw new ThreadForbiddenException("start a conversation");
		}
		Optional<Submitted> resubmitted = this.posting.resubmitted(staff, conversation.submissionKey());
		if (resubmitted.isPresent()) {
			return resubmitted.get().threadId();
		}
		boolean activeStudent = this.accounts.find(conversation.studentId())
			.filter((person) -> person.active() && person.role() == RoleName.STUDENT)
			.map(UserSummary::id)
			.isPresent();
		if (!activeStudent) {
			throw new ThreadRuleException("thread.error.student-unknown");
		}
		if (conversation.type().isAcademic()) {
			// an academic question needs a category and belongs to its teachers
			throw new ThreadRuleException("thread.error.type-required");
		}
		Instant now = this.clock.instant();
		MessageThread thread = new MessageThread(conversation.title(), conversation.type(), conversation.priority(),
				null, conversation.studentId(), null, staff.userId(), now);
		thread.routed(new RoutingDecision(staff.userId(), RoutingReason.STARTED_BY_STAFF), staff.userId(), now);
		this.threads.save(thread);
		this.posting.post(thread, staff, conversation.content(), conversation.submissionKey(), null, now);
		return thread.getId();
	}

}
