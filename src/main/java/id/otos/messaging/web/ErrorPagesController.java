package id.otos.messaging.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Where Spring Security sends a request it refuses: the 403 page, with its status.
 */
@Controller
class ErrorPagesController {

	@RequestMapping("/error/403")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String forbidden() {
		return "error/403";
	}

}
