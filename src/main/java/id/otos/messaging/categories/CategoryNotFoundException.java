package id.otos.messaging.categories;

/**
 * No category has the given id. Pages show it as "not found".
 */
public class CategoryNotFoundException extends RuntimeException {

	public CategoryNotFoundException(long id) {
		super("No category with id " + id);
	}

}
