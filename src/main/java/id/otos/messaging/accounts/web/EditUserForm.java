package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.AccountChanges;
import id.otos.messaging.accounts.AccountDetails;
import id.otos.messaging.accounts.Passwords;
import id.otos.messaging.accounts.RoleName;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An admin changes an account. An empty {@code newPassword} keeps the password.
 */
record EditUserForm(
		@NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254,
				message = "{validation.size.max}") String email,
		@NotBlank(message = "{validation.required}") @Size(max = 150, message = "{validation.size.max}") @Pattern(
				regexp = UserForms.USERNAME, message = "{validation.username}") String username,
		@NotBlank(message = "{validation.required}") @Size(max = 150,
				message = "{validation.size.max}") String firstName,
		@Size(max = 150, message = "{validation.size.max}") String lastName,
		@Pattern(regexp = UserForms.PHONE, message = "{validation.phone}") String phoneNumber,
		@NotNull(message = "{validation.required}") RoleName role, @Size(min = Passwords.MIN_LENGTH,
				max = Passwords.MAX_BYTES, message = "{validation.password.size}") String newPassword) {

	EditUserForm {
		newPassword = (newPassword == null || newPassword.isEmpty()) ? null : newPassword;
	}

	static EditUserForm of(AccountDetails account) {
		return new EditUserForm(account.email(), account.username(), account.firstName(), account.lastName(),
				account.phoneNumber(), account.role(), null);
	}

	AccountChanges toChanges() {
		return new AccountChanges(this.email, this.username, this.firstName, this.lastName, this.phoneNumber, this.role,
				this.newPassword);
	}

}
