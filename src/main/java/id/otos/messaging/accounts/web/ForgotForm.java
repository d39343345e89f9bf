package id.otos.messaging.accounts.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person asks for a link to set a new password, by their e-mail address. */
record ForgotForm(@NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254,
		message = "{validation.size.max}") String email) {

	static ForgotForm empty() {
		return new ForgotForm(null);
	}

}
