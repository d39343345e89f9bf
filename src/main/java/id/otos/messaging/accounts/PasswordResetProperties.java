package id.otos.messaging.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code otos.password-reset.*}: how long a reset link ({@code reset-validity}) and an
 * invitation link ({@code invitation-validity}) work, and how many reset requests one
 * e-mail address ({@code per-address}) and one client ({@code per-client}) may make
 * within {@code window}; a node keeps count of at most {@code max-tracked} addresses and
 * clients each. See {@link PasswordResets} and {@link PasswordResetThrottle}.
 */
@ConfigurationProperties("otos.password-reset")
public record PasswordResetProperties(@DefaultValue("1h") Duration resetValidity,
		@DefaultValue("7d") Duration invitationValidity, @DefaultValue("3") int perAddress,
		@DefaultValue("10") int perClient, @DefaultValue("1h") Duration window,
		@DefaultValue("100000") int maxTracked) {

	public PasswordResetProperties {
		if (resetValidity.isNegative() || resetValidity.isZero() || invitationValidity.isNegative()
				|| invitationValidity.isZero() || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException(
					"otos.password-reset.reset-validity, invitation-validity and window must be positive");
		}
		if (perAddress < 1 || perClient < 1 || maxTracked < 1) {
			throw new IllegalArgumentException(
					"otos.password-reset.per-address, per-client and max-tracked must be at least 1");
		}
	}

}
