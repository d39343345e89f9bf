package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.AccountException;

import org.springframework.validation.BindingResult;

/**
 * What the account forms share: the accepted shapes of phone numbers and usernames, and
 * showing a refusal from the accounts service next to the field it concerns.
 */
final class UserForms {

	/**
	 * Empty, or 6 to 20 characters: digits, spaces and {@code ( ) . -}, optionally after
	 * a leading {@code +}, ending in a digit: {@code 0812-3456-7890},
	 * {@code +62 812 3456 7890}, {@code (021) 555-1234}.
	 */
	static final String PHONE = "^$|^(?=.{6,20}$)\\+?[0-9(][0-9 ().-]*[0-9]$";

	/** Django's username rule: letters, digits and {@code @ . + - _}. */
	static final String USERNAME = "^[\\p{L}\\p{N}_.@+-]+$";

	private UserForms() {
	}

	static void reject(BindingResult errors, AccountException refusal) {
		if (refusal.field() != null) {
			errors.rejectValue(refusal.field(), refusal.messageKey(), refusal.arguments(), null);
		}
		else {
			errors.reject(refusal.messageKey(), refusal.arguments(), null);
		}
	}

}
