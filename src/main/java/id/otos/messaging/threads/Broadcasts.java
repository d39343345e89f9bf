package id.otos.messaging.threads;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
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

	Broadcasts(MessageThreadRepository threads, Posting posting, Accounts accounts, Categories categories,
			Clock clock) {
		this.threads = threads;
		this.posting = posting;
		this.accounts = accounts;
		this.categories = categories;
		this.clock = clock;
	}

	/**
	 * Sends one information thread per student (the picked ones, and those who asked
	 * about the category). Submitting the same form twice sends it once. Returns how many
	 * students it went to.
	 */
	@Transactional
	public int send(Viewer staff, Broadcast broadcast) {
		if (!ThreadAccess.mayBroadcast(staff)) {
			throw new ThreadForbiddenException("broadcast");
		}
		if (broadcast.categoryId() != null && this.categories.find(broadcast.categoryId()).isEmpty()) {
			throw new ThreadRuleException("thread.error.category-unknown");
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
		for (long studentId : students) {
			String key = broadcast.submissionKeyFor(studentId);
			if (this.posting.resubmitted(staff, key).isEmpty()) {
				MessageThread thread = this.threads.save(new MessageThread(broadcast.title(), ThreadType.INFO,
						broadcast.priority(), broadcast.categoryId(), studentId, staff.userId(), staff.userId(), now));
				this.posting.post(thread, staff, broadcast.content(), key, null, now);
			}
		}
		return students.size();
	}

}
