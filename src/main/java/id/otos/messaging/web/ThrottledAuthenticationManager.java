package id.otos.messaging.web;

import id.otos.messaging.accounts.LoginName;
import id.otos.messaging.accounts.LoginThrottle;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks every password of a filter chain (the log-in form's, HTTP Basic's) under the
 * {@link LoginThrottle}. The name given is turned into its {@link LoginName} once, and
 * the authentication that checks the password is handed that name and nothing else: the
 * key the throttle counts and the name that finds the account are one value by
 * construction.
 * <ul>
 * <li>A name that mixes scripts ({@link LoginName#mixesScripts()}) is refused before
 * anything else ({@link MixedScripts}); nothing is counted, as no password was
 * checked.</li>
 * <li>A locked account or address is refused without checking the password
 * ({@link Locked}, with the wait), the same way whether or not the account exists.</li>
 * <li>Otherwise the password is checked: a refusal counts against the name and the
 * client's address, a log-in clears the name's failures. A check that could not be made
 * (the database is away: an {@link AuthenticationServiceException}) counts nothing.</li>
 * </ul>
 */
final class ThrottledAuthenticationManager implements AuthenticationManager {

	private final AuthenticationManager delegate;

	private final LoginThrottle throttle;

	ThrottledAuthenticationManager(AuthenticationManager delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
			return this.delegate.authenticate(attempt);
		}
		LoginName name = LoginName.of(attempt.getName());
		if (name.mixesScripts()) {
			throw new MixedScripts();
		}
		String address = (attempt.getDetails() instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null;
		this.throttle.refusal(name, address).ifPresent((wait) -> {
			throw new Locked(LoginThrottle.minutes(wait));
		});
		UsernamePasswordAuthenticationToken named = UsernamePasswordAuthenticationToken.unauthenticated(name.value(),
				attempt.getCredentials());
		named.setDetails(attempt.getDetails());
		Authentication result;
		try {
			result = this.delegate.authenticate(named);
		}
		catch (AuthenticationServiceException unchecked) {
			throw unchecked;
		}
		catch (AuthenticationException refused) {
			this.throttle.failed(name, address);
			throw refused;
		}
		this.throttle.succeeded(name);
		return result;
	}

	/** Too many failures for the account or from the address: nothing was checked. */
	static final class Locked extends AuthenticationException {

		private final long minutes;

		Locked(long minutes) {
			super("Too many failed log-ins; try again in " + minutes + " minutes");
			this.minutes = minutes;
		}

		long minutes() {
			return this.minutes;
		}

	}

	/**
	 * The name has letters of scripts no address combines (a Cyrillic letter among Latin
	 * ones): nothing was checked.
	 */
	static final class MixedScripts extends AuthenticationException {

		MixedScripts() {
			super("The e-mail address mixes letters of different scripts");
		}

	}

}
