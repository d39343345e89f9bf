package id.otos.messaging.accounts;

/**
 * What it takes to create an account. The username defaults to the e-mail's local part.
 */
public record NewAccount(String email, String username, String firstName, String lastName, String phoneNumber,
		RoleName role, String rawPassword) {

}
