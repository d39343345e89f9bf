package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.Passwords;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person sets a new password through an e-mailed link: the link's token, the new
 * password twice. Passwords are never shown again when the form comes back with errors.
 */
record ResetForm(
		String token, @NotNull(message = "{validation.required}") @Size(min = Passwords.MIN_LENGTH,
				max = Passwords.MAX_BYTES, message = "{validation.password.size}") String newPassword,
		String confirmPassword) {

	static ResetForm of(String token) {
		return new ResetForm(token, null, null);
	}

	boolean confirmationMatches() {
		return this.newPassword != null && this.newPassword.equals(this.confirmPassword);
	}

}
