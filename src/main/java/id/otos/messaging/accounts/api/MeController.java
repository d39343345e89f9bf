package id.otos.messaging.accounts.api;

import id.otos.messaging.accounts.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/} → who is logged in: {@code {"id": 7, "name": "…", "role":
 * "Student"}}, for scripts and the page's own JavaScript. It asks nothing of the database
 * beyond what every logged-in request costs, so it is also the benchmark's ceiling: the
 * fastest a logged-in request can be.
 */
@RestController
class MeController {

	@GetMapping({ "/api/me/", "/api/me" })
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.id(), user.displayName(), user.role().storedName());
	}

	record Me(long id, String name, String role) {

	}

}
