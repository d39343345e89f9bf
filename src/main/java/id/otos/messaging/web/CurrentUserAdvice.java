package id.otos.messaging.web;

import id.otos.messaging.accounts.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in person on every page's model as {@code me}, for the navigation.
 */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("me")
	CurrentUser me(@AuthenticationPrincipal CurrentUser me) {
		return me;
	}

}
