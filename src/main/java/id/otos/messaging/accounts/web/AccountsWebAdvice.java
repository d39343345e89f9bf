package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.AccountNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An unknown account on an account page is a 404 page.
 */
@ControllerAdvice(assignableTypes = { ProfileController.class, UserAdminController.class })
class AccountsWebAdvice {

	@ExceptionHandler(AccountNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
