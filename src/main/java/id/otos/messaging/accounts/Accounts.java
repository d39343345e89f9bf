package id.otos.messaging.accounts;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

import id.otos.messaging.text.OneLine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, finding and changing accounts: by admins, and by each person for their own
 * profile. Refusals are {@link AccountException}s naming the form field concerned.
 */
@Service
public class Accounts {

	/** Users per page of the admin's list. */
	public static final int PAGE_SIZE = 20;

	private final UserRepository users;

	private final RoleRepository roles;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final KeptAccounts kept;

	private final KeptPerAccount<Optional<CurrentUser>> currentUsers;

	private final AccountHome home;

	private final LoginThrottle throttle;

	private final PasswordTokens passwordTokens;

	Accounts(UserRepository users, RoleRepository roles, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, Clock clock, KeptAccounts kept, AccountHome home, LoginThrottle throttle,
			PasswordTokens passwordTokens) {
		this.passwordTokens = passwordTokens;
		this.kept = kept;
		this.home = home;
		this.throttle = throttle;
		this.currentUsers = kept.keep("current", (id) -> users.findById(id).map((user) -> withoutPassword(user, home)));
		this.users = users;
		this.roles = roles;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an account. The e-mail is unique whatever its case, and so is the username
	 * (which defaults to the e-mail's local part).
	 * @param account the new account
	 * @return the new account's id
	 */
	@Transactional
	public long register(NewAccount account) {
		this.home.requireManagedHere();
		String email = loginEmail(account.email());
		if (this.users.existsByEmail(email)) {
			throw new AccountException("email", "account.error.email-taken");
		}
		String username = username(account.username(), email);
		if (this.users.existsByUsernameIgnoreCase(username)) {
			throw new AccountException("username", "account.error.username-taken");
		}
		Passwords.check(account.rawPassword(), "password");
		User user = new User(email, username, account.firstName(), account.lastName(), assignable(account.role()),
				this.passwordEncoder.encode(account.rawPassword()), this.clock.instant());
		user.rename(user.getFirstName(), user.getLastName(), account.phoneNumber());
		long id = this.users.save(user).getId();
		this.events.publishEvent(new AccountChanged(id));
		return id;
	}

	/**
	 * An admin changes someone's account. A new password ends that person's other
	 * sessions and e-mailed password links; a new role applies to them at once.
	 * @param id the account to change
	 * @param changes the new values
	 * @param actingUserId the admin making the change
	 */
	@Transactional
	public void update(long id, AccountChanges changes, long actingUserId) {
		this.home.requireManagedHere();
		User user = user(id);
		String email = loginEmail(changes.email());
		if (this.users.existsOtherWithEmail(email, id)) {
			throw new AccountException("email", "account.error.email-taken");
		}
		String username = username(changes.username(), email);
		if (this.users.existsOtherWithUsername(username, id)) {
			throw new AccountException("username", "account.error.username-taken");
		}
		if (changes.newPassword() != null) {
			Passwords.check(changes.newPassword(), "newPassword");
			user.changePassword(this.passwordEncoder.encode(changes.newPassword()));
			this.passwordTokens.forget(id);
		}
		user.changeEmail(email, username);
		user.rename(changes.firstName(), changes.lastName(), changes.phoneNumber());
		RoleName before = user.getRole();
		if (before != changes.role()) {
			user.changeRole(assignable(changes.role()), actingUserId, this::lockAndCountActiveAdmins);
			this.events.publishEvent(new UserRoleChanged(id, before, changes.role()));
		}
	}

	/**
	 * An admin stops someone from logging in; their open sessions end at their next
	 * request. Nobody can deactivate themselves or the last active admin.
	 * @param id the account to deactivate
	 * @param actingUserId the admin asking
	 */
	@Transactional
	public void deactivate(long id, long actingUserId) {
		this.home.requireManagedHere();
		user(id).deactivate(actingUserId, this::lockAndCountActiveAdmins);
	}

	@Transactional
	public void activate(long id) {
		this.home.requireManagedHere();
		user(id).activate();
	}

	/** A person changes their own name and phone number. */
	@Transactional
	public void updateProfile(long id, String firstName, String lastName, String phoneNumber) {
		this.home.requireManagedHere();
		user(id).rename(firstName, lastName, phoneNumber);
	}

	/**
	 * A person changes their own password, proving they know the current one. That proof
	 * is a password check like a log-in's, under the same {@link LoginThrottle}: while
	 * the account or the address is locked it is refused without checking, and a wrong
	 * current password counts towards the lock.
	 * @param id the person
	 * @param currentPassword the password they have now
	 * @param newPassword the password they want
	 * @param address the client's address
	 * @return the person as their session should now hold them (with the new password's
	 * fingerprint), so that this session stays valid while their others end (and their
	 * e-mailed password links stop working)
	 */
	@Transactional
	public CurrentUser changePassword(long id, String currentPassword, String newPassword, String address) {
		this.home.requireManagedHere();
		User user = user(id);
		LoginName name = LoginName.of(user.getEmail());
		this.throttle.refusal(name, address).ifPresent((wait) -> {
			throw new AccountException("currentPassword", "account.error.password-locked", LoginThrottle.minutes(wait));
		});
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, user.getPassword())) {
			this.throttle.failed(name, address);
			throw new AccountException("currentPassword", "account.error.wrong-password");
		}
		this.throttle.succeeded(name);
		Passwords.check(newPassword, "newPassword");
		user.changePassword(this.passwordEncoder.encode(newPassword));
		this.passwordTokens.forget(id);
		return withoutPassword(user, this.home);
	}

	/**
	 * An account's e-mail as it is stored: its {@link LoginName}, which log-in finds it
	 * by. One that mixes alphabets could never log in, so it is refused.
	 */
	private static String loginEmail(String email) {
		LoginName name = LoginName.of(email);
		if (name.mixesScripts()) {
			throw new AccountException("email", "account.error.email-mixed-scripts");
		}
		return name.value();
	}

	/**
	 * The person as a session should see them now: used on every request to end the
	 * sessions of deactivated accounts and apply new roles at once. Read from the
	 * database, or kept from an earlier request if nothing changed the account since (see
	 * {@link KeptPerAccount}).
	 * @param id the person
	 * @return the person, or empty if the account no longer exists
	 */
	public Optional<CurrentUser> currentUser(long id) {
		return this.currentUsers.get(id);
	}

	/**
	 * Keeps something that follows from each person's account (what a teacher teaches)
	 * between requests, as their account is kept: read again once a change to the account
	 * commits here or its signal arrives from another node, and after 10 s at most. A
	 * change to such a thing must publish an {@link AccountChanged} for the person.
	 * @param <T> what is kept
	 * @param name its name in the metrics ({@code otos.accounts.<name>})
	 * @param read reads it for a person
	 * @return the values kept per person
	 */
	public <T> KeptPerAccount<T> keptPerAccount(String name, LongFunction<T> read) {
		return this.kept.keep(name, read);
	}

	/**
	 * Another node changed the person's account: read it again at their next request.
	 * @param id the person
	 */
	public void changedElsewhere(long id) {
		this.kept.forget(id);
	}

	/** Changes on other nodes may have been missed: read every account again. */
	public void mayHaveMissedChanges() {
		this.kept.forgetAll();
	}

	/**
	 * One page of the admin's user list, ordered by name.
	 * @param text part of a name, e-mail or username, any case; blank for everybody
	 * @param role only people with this role, or {@code null} for every role
	 * @param page the page, from 0; past the last, the last
	 * @return the page of {@value #PAGE_SIZE} users
	 */
	@Transactional(readOnly = true)
	public Page<UserRow> search(String text, RoleName role, int page) {
		String pattern = (text == null || text.isBlank()) ? null : "%" + likeEscaped(text.trim()) + "%";
		// the offset must stay an int, however large the page asked for
		int asked = Math.min(Math.max(page, 0), Integer.MAX_VALUE / PAGE_SIZE - 1);
		Page<UserRow> found = this.users.search(pattern, role, PageRequest.of(asked, PAGE_SIZE));
		if (found.isEmpty() && asked > 0 && found.getTotalPages() > 0) {
			return this.users.search(pattern, role, PageRequest.of(found.getTotalPages() - 1, PAGE_SIZE));
		}
		return found;
	}

	@Transactional(readOnly = true)
	public Optional<AccountDetails> details(long id) {
		return this.users.findById(id).map(AccountDetails::of);
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

	/** The people with the given ids (unknown ids are left out), ordered by name. */
	@Transactional(readOnly = true)
	public List<UserSummary> findAll(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.users.findAllByIds(ids).stream().map(UserSummary::of).toList();
	}

	private long lockAndCountActiveAdmins() {
		this.roles.lockByName(RoleName.ADMIN);
		return this.users.countActiveWithRole(RoleName.ADMIN);
	}

	/** The account, to change it: whoever keeps it forgets it once the change commits. */
	private User user(long id) {
		User user = this.users.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
		this.events.publishEvent(new AccountChanged(id));
		return user;
	}

	private Role assignable(RoleName name) {
		if (name == null || !name.isAssignable()) {
			throw new AccountException("role", "account.error.role-not-assignable");
		}
		return this.roles.findByName(name)
			.orElseThrow(() -> new IllegalStateException("otosapp_role has no row for " + name.storedName()));
	}

	static CurrentUser withoutPassword(User user, AccountHome home) {
		CurrentUser current = new CurrentUser(user, home);
		current.eraseCredentials();
		return current;
	}

	/**
	 * The username as typed, on one line ({@link OneLine}); the e-mail's local part when
	 * nothing is left of it.
	 */
	private static String username(String typed, String email) {
		String username = OneLine.of(typed);
		return (username == null || username.isEmpty()) ? email.substring(0, email.indexOf('@')) : username;
	}

	private static String likeEscaped(String text) {
		return text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
