package id.otos.messaging.threads;

/**
 * A change the thread's workflow does not allow in its current state (closing a closed
 * thread, resolving a closed one, ...). The message is the key of the text to show.
 */
public class ThreadRuleException extends RuntimeException {

	public ThreadRuleException(String messageKey) {
		super(messageKey);
	}

}
