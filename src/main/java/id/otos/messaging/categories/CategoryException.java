package id.otos.messaging.categories;

/**
 * A request about a category that cannot be carried out; {@link #messageKey()} names the
 * text to show, {@link #field()} the form field it belongs to (or {@code null}).
 */
public class CategoryException extends RuntimeException {

	private final String field;

	public CategoryException(String messageKey) {
		this(null, messageKey);
	}

	public CategoryException(String field, String messageKey) {
		super(messageKey);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return getMessage();
	}

}
