package id.otos.messaging.accounts;

/**
 * A student to be created by an import, as one line of the file gave them.
 *
 * @param username their username
 * @param email their e-mail address, which they log in with
 * @param firstName their first name
 * @param lastName their last name, possibly empty
 */
public record NewStudent(String username, String email, String firstName, String lastName) {

}
