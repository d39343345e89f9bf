package id.otos.messaging.threads;

/**
 * A change the thread's workflow does not allow in its current state (closing a closed
 * thread, resolving a closed one, ...). The message is the key of the text to show,
 * {@link #arguments()} what the text's placeholders stand for.
 */
public class ThreadRuleException extends RuntimeException {

	private final Object[] arguments;

	public ThreadRuleException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments.clone();
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
