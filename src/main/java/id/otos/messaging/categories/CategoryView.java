package id.otos.messaging.categories;

import java.util.Set;

/**
 * A category as other features and pages see it.
 */
public record CategoryView(long id, String name, Set<Long> teacherIds) {

	static CategoryView of(Category category) {
		return new CategoryView(category.getId(), category.getName(), category.teacherIds());
	}

}
