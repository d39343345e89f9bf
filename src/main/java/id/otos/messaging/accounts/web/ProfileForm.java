package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.AccountDetails;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The name and phone number a person may change on their profile.
 */
record ProfileForm(
		@NotBlank(message = "{validation.required}") @Size(max = 150,
				message = "{validation.size.max}") String firstName,
		@Size(max = 150, message = "{validation.size.max}") String lastName,
		@Pattern(regexp = UserForms.PHONE, message = "{validation.phone}") String phoneNumber) {

	static ProfileForm of(AccountDetails account) {
		return new ProfileForm(account.firstName(), account.lastName(), account.phoneNumber());
	}

}
