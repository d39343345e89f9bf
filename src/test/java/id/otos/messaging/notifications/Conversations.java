package id.otos.messaging.notifications;

import java.util.Arrays;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadPages;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;

/**
 * The demo school's people talking through the app's own services, for the e-mail tests.
 */
final class Conversations {

	private final ThreadDesk desk;

	private final ThreadPages pages;

	private final Accounts accounts;

	private final Viewers viewers;

	Conversations(ThreadDesk desk, ThreadPages pages, Accounts accounts, Viewers viewers) {
		this.desk = desk;
		this.pages = pages;
		this.accounts = accounts;
		this.viewers = viewers;
	}

	Viewer person(String email) {
		UserSummary user = Arrays.stream(RoleName.values())
			.flatMap((role) -> this.accounts.withRole(role).stream())
			.filter((candidate) -> candidate.email().equals(email))
			.findFirst()
			.orElseThrow();
		return this.viewers.of(user.id(), user.role());
	}

	/** A student's technical question; it goes to the demo school's one operator. */
	long technicalQuestion(Viewer student, String title) {
		return this.desk.open(student,
				new NewThread(title, ThreadType.TECHNICAL, null, null, Priority.NORMAL, "Tolong bantu: " + title, null),
				null);
	}

	void reply(Viewer by, long threadId, String text) {
		this.desk.reply(by, threadId, text, null, null);
	}

	void read(Viewer reader, long threadId) {
		this.pages.read(reader, threadId);
	}

	void resolve(Viewer staff, long threadId) {
		this.desk.changeStatus(staff, threadId, ThreadStatus.RESOLVED);
	}

}
