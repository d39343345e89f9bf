package id.otos.messaging.accounts.web;

import java.util.Arrays;

import id.otos.messaging.accounts.RoleName;

/**
 * What the admin's user list shows: a search text, a role ({@code null} for all) and a
 * page from 0. Read leniently from the address, so that an edited or outdated link shows
 * a list rather than an error.
 */
record UserSearch(String text, RoleName role, int page) {

	static UserSearch of(String text, String role, String page) {
		return new UserSearch((text != null) ? text.trim() : "", roleNamed(role), pageNumber(page));
	}

	private static RoleName roleNamed(String name) {
		return Arrays.stream(RoleName.values()).filter((role) -> role.name().equals(name)).findFirst().orElse(null);
	}

	private static int pageNumber(String page) {
		try {
			return (page != null) ? Math.max(Integer.parseInt(page.trim()), 0) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
