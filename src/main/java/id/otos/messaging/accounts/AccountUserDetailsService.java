package id.otos.messaging.accounts;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads people for log-in by e-mail address, upgrades old password hashes after a
 * successful log-in, and records {@code last_login}.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final UserRepository users;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AccountHome home;

	AccountUserDetailsService(UserRepository users, Clock clock, ApplicationEventPublisher events, AccountHome home) {
		this.events = events;
		this.home = home;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * The account whose e-mail is the given one's {@link LoginName}, the name the log-in
	 * throttle counts the attempt under; none for a name that mixes alphabets, which no
	 * account can have.
	 */
	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String email) {
		LoginName name = LoginName.of(email);
		if (name.mixesScripts()) {
			throw new UsernameNotFoundException("No account has an e-mail that mixes alphabets");
		}
		return this.users.findByEmail(name.value())
			.map((user) -> new CurrentUser(user, this.home))
			.orElseThrow(() -> new UsernameNotFoundException("No account for that e-mail"));
	}

	/**
	 * Stores the stronger hash that log-in made of a correct password in an old format;
	 * not on an adopted otos database, whose hashes Django must go on reading. The person
	 * being logged in is the given object, which Spring Security goes on to use as the
	 * principal, so it is updated too.
	 */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails details, String newEncodedPassword) {
		if (this.home.isOtos()) {
			return details;
		}
		User user = this.users.findByEmail(details.getUsername()).orElseThrow();
		user.changePassword(newEncodedPassword);
		this.events.publishEvent(new AccountChanged(user.getId()));
		if (details instanceof CurrentUser loggingIn) {
			loggingIn.passwordRehashed(newEncodedPassword);
			return loggingIn;
		}
		return new CurrentUser(user, this.home);
	}

	@EventListener
	@Transactional
	public void onLogin(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof CurrentUser current) {
			this.users.findById(current.id()).ifPresent((user) -> user.recordLogin(this.clock.instant()));
		}
	}

}
