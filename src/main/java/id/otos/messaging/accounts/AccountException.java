package id.otos.messaging.accounts;

/**
 * A request about an account that cannot be carried out; {@link #messageKey()} names the
 * text to show (with {@link #arguments()}), {@link #field()} the form field it belongs to
 * (or {@code null} when it concerns the whole request).
 */
public class AccountException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public AccountException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
