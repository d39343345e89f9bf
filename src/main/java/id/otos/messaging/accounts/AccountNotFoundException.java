package id.otos.messaging.accounts;

/**
 * No account has the given id. Pages show it as "not found".
 */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(long id) {
		super("No account with id " + id);
	}

}
