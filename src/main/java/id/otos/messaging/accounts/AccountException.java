package id.otos.messaging.accounts;

/**
 * A request about an account that cannot be carried out; {@link #messageKey()} names the
 * text to show, {@link #field()} the form field it belongs to (or {@code null}).
 */
public class AccountException extends RuntimeException {

	private final String field;

	private final String messageKey;

	public AccountException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
