package id.otos.messaging.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing accounts.
 */
@Service
public class Accounts {

	private final UserRepository users;

	private final RoleRepository roles;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	Accounts(UserRepository users, RoleRepository roles, PasswordEncoder passwordEncoder, Clock clock) {
		this.users = users;
		this.roles = roles;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	@Transactional
	public long register(NewAccount account) {
		String email = User.normalizeEmail(account.email());
		if (this.users.existsByEmail(email)) {
			throw new AccountException("email", "account.error.email-taken");
		}
		String username = (account.username() == null || account.username().isBlank())
				? email.substring(0, email.indexOf('@')) : account.username().trim();
		if (this.users.existsByUsername(username)) {
			throw new AccountException("username", "account.error.username-taken");
		}
		User user = new User(email, username, account.firstName().trim(), account.lastName().trim(),
				role(account.role()), this.passwordEncoder.encode(account.rawPassword()), this.clock.instant());
		user.rename(user.getFirstName(), user.getLastName(), account.phoneNumber(), this.clock.instant());
		return this.users.save(user).getId();
	}

	@Transactional(readOnly = true)
	public boolean hasAnyUser() {
		return this.users.count() > 0;
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> find(long id) {
		return this.users.findById(id).map(UserSummary::of);
	}

	@Transactional(readOnly = true)
	public List<UserSummary> withRole(RoleName role) {
		return this.users.findByRole(role).stream().map(UserSummary::of).toList();
	}

	/** Ids of the active people with the role, for routing threads to them. */
	@Transactional(readOnly = true)
	public List<Long> activeIdsWithRole(RoleName role) {
		return this.users.findActiveIdsByRole(role);
	}

	private Role role(RoleName name) {
		return this.roles.findByName(name)
			.orElseThrow(() -> new IllegalStateException("otosapp_role has no row for " + name.storedName()));
	}

}
