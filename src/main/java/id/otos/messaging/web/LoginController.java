package id.otos.messaging.web;

import id.otos.messaging.accounts.DjangoProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

@Controller
class LoginController {

	private final LoginProperties properties;

	private final DjangoProperties django;

	LoginController(LoginProperties properties, DjangoProperties django) {
		this.properties = properties;
		this.django = django;
	}

	/**
	 * The log-in page; {@code ?locked=<minutes>} after an attempt the
	 * {@link LoginThrottle} refused (a number kept between 1 and the lock's length).
	 * Beside Django there is none here: Django's log-in page, then the inbox.
	 */
	@GetMapping("/login")
	Object login(@RequestParam(name = "locked", required = false) String locked, Model model,
			HttpServletRequest request) {
		if (this.django.enabled()) {
			return djangoLogIn(request);
		}
		if (locked != null) {
			model.addAttribute("lockedMinutes", minutes(locked));
		}
		return "login";
	}

	private View djangoLogIn(HttpServletRequest request) {
		RedirectView redirect = new RedirectView(
				new DjangoLogInPage(this.django).withNext(request.getContextPath() + "/messages/"), false);
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

	private long minutes(String locked) {
		long longest = this.properties.lockMinutes();
		try {
			return Math.min(Math.max(1, Long.parseLong(locked.strip())), longest);
		}
		catch (NumberFormatException ex) {
			return longest;
		}
	}

}
