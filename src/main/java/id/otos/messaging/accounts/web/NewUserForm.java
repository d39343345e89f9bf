package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.Passwords;
import id.otos.messaging.accounts.RoleName;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An admin creates an account.
 */
record NewUserForm(
		@NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254,
				message = "{validation.size.max}") String email,
		@NotBlank(message = "{validation.required}") @Size(max = 150, message = "{validation.size.max}") @Pattern(
				regexp = UserForms.USERNAME, message = "{validation.username}") String username,
		@NotBlank(message = "{validation.required}") @Size(max = 150,
				message = "{validation.size.max}") String firstName,
		@Size(max = 150, message = "{validation.size.max}") String lastName,
		@Pattern(regexp = UserForms.PHONE, message = "{validation.phone}") String phoneNumber,
		@NotNull(message = "{validation.required}") RoleName role,
		@NotNull(message = "{validation.required}") @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_BYTES,
				message = "{validation.password.size}") String password) {

	static NewUserForm blank() {
		return new NewUserForm(null, null, null, null, null, RoleName.STUDENT, null);
	}

	NewAccount toNewAccount() {
		return new NewAccount(this.email, this.username, this.firstName, this.lastName, this.phoneNumber, this.role,
				this.password);
	}

}
