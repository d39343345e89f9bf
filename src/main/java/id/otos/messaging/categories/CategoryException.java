package id.otos.messaging.categories;

/**
 * A request about a category that cannot be carried out; {@link #getMessage()} is the key
 * of the text to show.
 */
public class CategoryException extends RuntimeException {

	public CategoryException(String messageKey) {
		super(messageKey);
	}

}
