package id.otos.messaging.accounts;

/**
 * A person as other features see them: by id, with what a list needs to show.
 */
public record UserSummary(long id, String email, String displayName, RoleName role, boolean active) {

	static UserSummary of(User user) {
		return new UserSummary(user.getId(), user.getEmail(), user.getDisplayName(), user.getRole(), user.isActive());
	}

}
