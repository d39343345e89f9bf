package id.otos.messaging.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Where Spring Security sends a request it refuses: the 403 page, or the page of a form
 * whose CSRF token is missing or not the session's, with their status.
 */
@Controller
class ErrorPagesController {

	@RequestMapping("/error/403")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden() {
		return "error/403";
	}

	@RequestMapping("/error/expired-form")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String expiredForm() {
		return "error/expired-form";
	}

}
