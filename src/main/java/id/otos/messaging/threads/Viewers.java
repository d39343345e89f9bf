package id.otos.messaging.threads;

import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.KeptPerAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Turns the logged-in person into the {@link Viewer} the access rules speak of.
 */
@Component
public class Viewers {

	/**
	 * What each teacher teaches, kept between requests like their account (a change to it
	 * counts as a change to the account).
	 */
	private final KeptPerAccount<Set<Long>> taught;

	Viewers(Categories categories, Accounts accounts) {
		this.taught = accounts.keptPerAccount("taught", categories::taughtBy);
	}

	/**
	 * The person making the request. Within one web request the viewer is looked up once
	 * (the handler and the navigation's badge both need it).
	 */
	public Viewer of(CurrentUser user) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return of(user.id(), user.role());
		}
		String key = Viewers.class.getName() + "." + user.id() + "." + user.role();
		if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Viewer known) {
			return known;
		}
		Viewer viewer = of(user.id(), user.role());
		request.setAttribute(key, viewer, RequestAttributes.SCOPE_REQUEST);
		return viewer;
	}

	/** A person as their account is now (for those who are not making this request). */
	public Viewer of(UserSummary person) {
		return of(person.id(), person.role());
	}

	/**
	 * The viewer of any person by id and role, for work done on their behalf (e-mail).
	 */
	public Viewer of(long userId, RoleName role) {
		Set<Long> taught = (role == RoleName.TEACHER) ? this.taught.get(userId) : Set.of();
		return new Viewer(userId, role, taught);
	}

}
