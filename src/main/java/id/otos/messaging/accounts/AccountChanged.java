package id.otos.messaging.accounts;

/**
 * Something in a person's account may have changed (name, e-mail, role, password, active
 * or not). Published inside the transaction of the change; what keeps accounts between
 * requests forgets the person once it commits.
 */
public record AccountChanged(long userId) {

}
