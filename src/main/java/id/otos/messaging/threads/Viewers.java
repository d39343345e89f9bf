package id.otos.messaging.threads;

import java.util.Set;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.categories.Categories;

import org.springframework.stereotype.Component;

/**
 * Turns the logged-in person into the {@link Viewer} the access rules speak of.
 */
@Component
public class Viewers {

	private final Categories categories;

	Viewers(Categories categories) {
		this.categories = categories;
	}

	public Viewer of(CurrentUser user) {
		Set<Long> taught = (user.role() == RoleName.TEACHER) ? this.categories.taughtBy(user.id()) : Set.of();
		return new Viewer(user.id(), user.role(), taught);
	}

}
