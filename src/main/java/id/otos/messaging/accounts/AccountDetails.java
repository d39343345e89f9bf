package id.otos.messaging.accounts;

import java.time.Instant;

/**
 * Everything the profile page and the admin's edit page show about one account.
 * {@code profilePicture} is the stored Django-style name, or {@code null}.
 */
public record AccountDetails(long id, String email, String username, String firstName, String lastName,
		String phoneNumber, RoleName role, boolean active, String profilePicture, Instant dateJoined,
		Instant lastLogin) {

	static AccountDetails of(User user) {
		return new AccountDetails(user.getId(), user.getEmail(), user.getUsername(), user.getFirstName(),
				user.getLastName(), user.getPhoneNumber(), user.getRole(), user.isActive(), user.getProfilePicture(),
				user.getDateJoined(), user.getLastLogin());
	}

	public String displayName() {
		String full = (this.firstName + " " + this.lastName).trim();
		return full.isEmpty() ? this.username : full;
	}

	public boolean hasProfilePicture() {
		return this.profilePicture != null && !this.profilePicture.isBlank();
	}

	/**
	 * The version of the picture, to make its URL change with it (and be cached for long
	 * under each URL), or {@code null} without a picture.
	 */
	public String pictureVersion() {
		return hasProfilePicture() ? ProfilePicture.versionOf(this.profilePicture) : null;
	}

}
