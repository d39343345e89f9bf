package id.otos.messaging.accounts;

import java.time.Instant;

/**
 * A line of the admin's user list, read straight from one query.
 */
public record UserRow(long id, String email, String username, String firstName, String lastName, RoleName role,
		boolean active, Instant lastLogin) {

	public UserRow {
		role = (role != null) ? role : RoleName.VISITOR;
	}

	public String displayName() {
		String full = (this.firstName + " " + this.lastName).trim();
		return full.isEmpty() ? this.username : full;
	}

}
