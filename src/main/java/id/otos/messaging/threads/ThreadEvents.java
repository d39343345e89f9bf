package id.otos.messaging.threads;

/**
 * What happened to threads, for listeners such as live updates and e-mail.
 */
public final class ThreadEvents {

	private ThreadEvents() {
	}

	/** A message was posted to a thread (including a new thread's first message). */
	public record MessagePosted(long threadId, long messageId, long senderId) {

	}

	/** A thread's status, assignment or priority changed. */
	public record ThreadChanged(long threadId, long actorId) {

	}

}
