package id.otos.messaging.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code otos.login.*}: how many failed log-ins an account ({@code failures-per-account})
 * and a client address ({@code failures-per-address}) may have within {@code window}
 * before further attempts are refused for {@code lock}, and how many accounts and
 * addresses a node keeps count of at most ({@code max-tracked}). See
 * {@link LoginThrottle}.
 */
@ConfigurationProperties("otos.login")
public record LoginProperties(@DefaultValue("5") int failuresPerAccount, @DefaultValue("20") int failuresPerAddress,
		@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lock,
		@DefaultValue("100000") int maxTracked) {

	public LoginProperties {
		if (failuresPerAccount < 1 || failuresPerAddress < 1) {
			throw new IllegalArgumentException("otos.login.failures-per-account and -per-address must be at least 1");
		}
		if (window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero()) {
			throw new IllegalArgumentException("otos.login.window and otos.login.lock must be positive");
		}
		if (maxTracked < 1) {
			throw new IllegalArgumentException("otos.login.max-tracked must be at least 1, not " + maxTracked);
		}
	}

	/**
	 * The lock in whole minutes as people read it.
	 * @return the minutes, at least 1
	 */
	public long lockMinutes() {
		return LoginThrottle.minutes(this.lock);
	}

}
