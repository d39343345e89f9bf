package id.otos.messaging.web;

import id.otos.messaging.accounts.DjangoProperties;
import id.otos.messaging.accounts.LoginProperties;
import id.otos.messaging.accounts.LoginThrottle;
import id.otos.messaging.accounts.PasswordResets;
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

	private final PasswordResets resets;

	LoginController(LoginProperties properties, DjangoProperties django, PasswordResets resets) {
		this.properties = properties;
		this.django = django;
		this.resets = resets;
	}

	/**
	 * The log-in page; {@code ?error} after a refused log-in
	 * ({@code ?error=mixed-scripts} for an e-mail with letters of two alphabets),
	 * {@code ?locked=<minutes>} after an attempt the {@link LoginThrottle} refused (a
	 * number kept between 1 and the lock's length). Beside Django there is none here:
	 * Django's log-in page, then the inbox.
	 */
	@GetMapping("/login")
	Object login(@RequestParam(name = "locked", required = false) String locked, HttpServletRequest request,
			Model model) {
		if (this.django.enabled()) {
			return djangoLogIn(request);
		}
		// a bare ?error has no value to bind
		if (request.getParameterMap().containsKey("error")) {
			model.addAttribute("loginError", "mixed-scripts".equals(request.getParameter("error"))
					? "login.error.mixed-scripts" : "login.error");
		}
		if (locked != null) {
			model.addAttribute("lockedMinutes", minutes(locked));
		}
		model.addAttribute("passwordReset", this.resets.available());
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
