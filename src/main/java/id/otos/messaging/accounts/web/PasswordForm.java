package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.Passwords;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person changes their password: the current one, the new one twice. Passwords are
 * never shown again when the form comes back with errors.
 */
record PasswordForm(@NotEmpty(message = "{validation.required}") String currentPassword,
		@NotNull(message = "{validation.required}") @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_BYTES,
				message = "{validation.password.size}") String newPassword,
		String confirmPassword) {

	static PasswordForm empty() {
		return new PasswordForm(null, null, null);
	}

	boolean confirmationMatches() {
		return this.newPassword != null && this.newPassword.equals(this.confirmPassword);
	}

}
