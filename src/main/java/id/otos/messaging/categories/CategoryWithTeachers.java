package id.otos.messaging.categories;

import java.util.List;

import id.otos.messaging.accounts.UserSummary;

/**
 * A category with the people who teach it, ordered by name, for the admin pages.
 */
public record CategoryWithTeachers(long id, String name, List<UserSummary> teachers) {

}
