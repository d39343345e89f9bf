package id.otos.messaging.threads;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import id.otos.messaging.accounts.AccountStamp;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Turns the logged-in person into the {@link Viewer} the access rules speak of.
 */
@Component
public class Viewers {

	/** The longest what a teacher teaches is used without reading it again. */
	static final Duration LONGEST = Duration.ofSeconds(10);

	private final Categories categories;

	private final Accounts accounts;

	private final Map<Long, Taught> taught = new ConcurrentHashMap<>();

	Viewers(Categories categories, Accounts accounts) {
		this.categories = categories;
		this.accounts = accounts;
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
		Set<Long> taught = (role == RoleName.TEACHER) ? taughtBy(userId) : Set.of();
		return new Viewer(userId, role, taught);
	}

	/**
	 * The categories the teacher teaches, kept between requests while nothing changed
	 * their account (a change to what they teach counts as one, see
	 * {@link Accounts#stamp}), and for {@link #LONGEST} at most; read afresh inside a
	 * transaction.
	 */
	private Set<Long> taughtBy(long teacherId) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.categories.taughtBy(teacherId);
		}
		AccountStamp stamp = this.accounts.stamp(teacherId);
		long now = System.nanoTime();
		Taught known = this.taught.get(teacherId);
		if (known != null && known.stamp().equals(stamp) && now - known.readAt() < LONGEST.toNanos()) {
			return known.categories();
		}
		Set<Long> categories = this.categories.taughtBy(teacherId);
		this.taught.put(teacherId, new Taught(categories, stamp, now));
		return categories;
	}

	private record Taught(Set<Long> categories, AccountStamp stamp, long readAt) {

	}

}
