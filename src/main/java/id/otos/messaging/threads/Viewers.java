package id.otos.messaging.threads;

import java.util.Set;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
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
		return of(user.id(), user.role());
	}

	/** A person as their account is now (for those who are not making this request). */
	public Viewer of(UserSummary person) {
		return of(person.id(), person.role());
	}

	/**
	 * The viewer of any person by id and role, for work done on their behalf (e-mail).
	 */
	public Viewer of(long userId, RoleName role) {
		Set<Long> taught = (role == RoleName.TEACHER) ? this.categories.taughtBy(userId) : Set.of();
		return new Viewer(userId, role, taught);
	}

}
