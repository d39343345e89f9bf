package id.otos.messaging.accounts;

/**
 * What an admin may change about an account. {@code newPassword} is {@code null} to keep
 * the password.
 */
public record AccountChanges(String email, String username, String firstName, String lastName, String phoneNumber,
		RoleName role, String newPassword) {

}
