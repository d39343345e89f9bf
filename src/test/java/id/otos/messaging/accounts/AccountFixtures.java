package id.otos.messaging.accounts;

import java.time.Instant;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * People for tests that need no database: accounts with an id and a role, and the
 * logged-in person a session would hold for them.
 */
public final class AccountFixtures {

	public static final Instant NOW = Instant.parse("2026-01-15T03:00:00Z");

	private AccountFixtures() {
	}

	public static Role role(RoleName name) {
		Role role = new Role();
		ReflectionTestUtils.setField(role, "id", (long) name.ordinal() + 1);
		ReflectionTestUtils.setField(role, "name", name);
		return role;
	}

	public static User user(long id, RoleName role) {
		User user = new User(role.name().toLowerCase() + id + "@otos.test", role.name().toLowerCase() + id, "Nama",
				"Orang" + id, role(role), "{bcrypt}$2a$10$hash-of-user-" + id, NOW);
		ReflectionTestUtils.setField(user, "id", id);
		return user;
	}

	/** The person a session holds after logging in as the given account. */
	public static CurrentUser loggedIn(User user) {
		CurrentUser current = new CurrentUser(user, new AccountHome(false));
		current.eraseCredentials();
		return current;
	}

	public static CurrentUser loggedIn(long id, RoleName role) {
		return loggedIn(user(id, role));
	}

	public static AccountDetails details(User user) {
		return AccountDetails.of(user);
	}

}
