package id.otos.messaging.attachments;

/**
 * A file that was refused; {@link #getMessage()} is the key of the text to show, with
 * {@link #arguments()} for it.
 */
public class AttachmentRejected extends RuntimeException {

	private final transient Object[] arguments;

	public AttachmentRejected(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments.clone();
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
