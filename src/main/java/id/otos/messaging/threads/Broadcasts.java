package id.otos.messaging.threads;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.categories.Categories;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Information threads from operators and admins to students: one thread per student, so
 * each student's reply stays private.
 */
@Service
public class Broadcasts {

	private final MessageThreadRepository threads;

	private final Posting posting;

	private final Accounts accounts;

	private final Categories categories;

	private final Clock clock;

	private final BroadcastRecords records;

	Broadcasts(MessageThreadRepository threads, Posting posting, Accounts accounts, Categories categories, Clock clock,
			BroadcastRecords records) {
		this.records = records;
		this.threads = threads;
		this.posting = posting;
		this.accounts = accounts;
		this.categories = categories;
		this.clock = clock;
	}

	/**
	 * How many students the broadcast would go to now: the number the sender confirms,
	 * counted by the same rule that {@link #send} uses.
	 */
	@Transactional(readOnly = true)
	public int countRecipients(Viewer staff, Broadcast broadcast) {
		return recipients(staff, broadcast).size();
	}

	/**
	 * Sends one information thread per student (every active student, or the picked ones
	 * and those who have opened a thread in the category). Submitting the same form twice
	 * sends it once.
	 * @return the broadcast and how many students it went to
	 */
	@Transactional
	public Sent send(Viewer staff, Broadcast broadcast) {
		Set<Long> students = recipients(staff, broadcast);
		Instant now = this.clock.instant();
		long broadcastId = this.records.sentWithKey(staff.userId(), broadcast.submissionKey())
			.orElseGet(() -> this.records.insert(staff.userId(), broadcast, students.size(), now));
		for (long studentId : students) {
			String key = broadcast.submissionKeyFor(studentId);
			if (this.posting.resubmitted(staff, key).isEmpty()) {
				MessageThread thread = this.threads.save(new MessageThread(broadcast.title(), ThreadType.INFO,
						broadcast.priority(), broadcast.categoryId(), studentId, staff.userId(), staff.userId(), now));
				this.posting.post(thread, staff, broadcast.content(), key, null, now);
				this.records.link(broadcastId, thread.getId());
			}
		}
		return new Sent(broadcastId, students.size());
	}

	/** The broadcasts the viewer sent (every broadcast, for admins), newest first. */
	@Transactional(readOnly = true)
	public List<BroadcastSummary> list(Viewer viewer) {
		if (!ThreadAccess.mayBroadcast(viewer)) {
			throw new ThreadForbiddenException("broadcast");
		}
		return this.records.summaries((viewer.role() == RoleName.ADMIN) ? null : viewer.userId());
	}

	/**
	 * One broadcast, for its sender and admins only; to anyone else it does not exist.
	 * @param viewer who looks
	 * @param broadcastId which broadcast
	 * @return the broadcast
	 */
	@Transactional(readOnly = true)
	public BroadcastSummary find(Viewer viewer, long broadcastId) {
		return this.records.find(broadcastId)
			.filter((found) -> viewer.role() == RoleName.ADMIN
					|| (ThreadAccess.mayBroadcast(viewer) && Long.valueOf(viewer.userId()).equals(found.senderId())))
			.orElseThrow(() -> new BroadcastNotFoundException(broadcastId));
	}

	/** The threads of a broadcast the viewer may see that their students replied in. */
	@Transactional(readOnly = true)
	public List<BroadcastReply> replies(Viewer viewer, long broadcastId) {
		return this.records.replies(find(viewer, broadcastId).id());
	}

	private Set<Long> recipients(Viewer staff, Broadcast broadcast) {
		if (!ThreadAccess.mayBroadcast(staff)) {
			throw new ThreadForbiddenException("broadcast");
		}
		if (broadcast.categoryId() != null && this.categories.find(broadcast.categoryId()).isEmpty()) {
			throw new ThreadRuleException("thread.error.category-unknown");
		}
		List<Long> active = this.accounts.activeIdsWithRole(RoleName.STUDENT);
		Set<Long> students = new LinkedHashSet<>(broadcast.studentIds());
		if (broadcast.allStudents()) {
			students.addAll(active);
		}
		if (broadcast.categoryId() != null) {
			students.addAll(this.threads.studentsWhoAskedAbout(broadcast.categoryId()));
		}
		students.retainAll(active);
		if (students.isEmpty()) {
			throw new ThreadRuleException("broadcast.error.no-students");
		}
		return students;
	}

	/** A broadcast sent: its id (for its page) and how many students it went to. */
	public record Sent(long broadcastId, int recipients) {

	}

}
