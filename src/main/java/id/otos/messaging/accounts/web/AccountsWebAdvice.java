package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.AccountHome;

import id.otos.messaging.accounts.AccountNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An unknown account on an account page is a 404 page; every account page knows whether
 * the accounts are otos's ({@code accountsInOtos}), and then shows them without the forms
 * that would change them.
 */
@ControllerAdvice(assignableTypes = { ProfileController.class, UserAdminController.class })
class AccountsWebAdvice {

	private final AccountHome home;

	AccountsWebAdvice(AccountHome home) {
		this.home = home;
	}

	@ModelAttribute("accountsInOtos")
	boolean accountsInOtos() {
		return this.home.isOtos();
	}

	@ExceptionHandler(AccountNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
