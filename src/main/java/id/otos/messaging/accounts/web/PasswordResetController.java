package id.otos.messaging.accounts.web;

import java.util.Locale;

import id.otos.messaging.accounts.AccountException;
import id.otos.messaging.accounts.PasswordResets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A forgotten password, for schools whose accounts are managed here: ask for a link by
 * e-mail address ({@code /login/forgot}), set a new password through it
 * ({@code /login/reset?token=...}). Absent (404) when the accounts are otos's, or no mail
 * server is configured. Like the log-in page, these pages start no session: what a page
 * says after a form is in its address.
 */
@Controller
@RequestMapping("/login")
class PasswordResetController {

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@ModelAttribute
	void requireAvailable() {
		if (!this.resets.available()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	@GetMapping("/forgot")
	String forgot(Model model) {
		model.addAttribute("forgotForm", ForgotForm.empty());
		return "accounts/forgot";
	}

	@PostMapping("/forgot")
	String requestLink(@Valid @ModelAttribute("forgotForm") ForgotForm form, BindingResult errors,
			HttpServletRequest request, Locale locale) {
		if (!errors.hasErrors()) {
			try {
				this.resets.requestLink(form.email(), request.getRemoteAddr(), locale);
			}
			catch (AccountException refusal) {
				UserForms.reject(errors, refusal);
			}
		}
		return errors.hasErrors() ? "accounts/forgot" : "redirect:/login/forgot?sent";
	}

	@GetMapping("/reset")
	String resetPage(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("linkWorks", this.resets.works(token));
		model.addAttribute("resetForm", ResetForm.of(token));
		return "accounts/reset";
	}

	@PostMapping("/reset")
	String reset(@Valid @ModelAttribute("resetForm") ResetForm form, BindingResult errors, Model model) {
		if (!errors.hasFieldErrors("newPassword") && !form.confirmationMatches()) {
			errors.rejectValue("confirmPassword", "profile.password.error.mismatch");
		}
		if (!errors.hasErrors()) {
			try {
				this.resets.reset(form.token(), form.newPassword());
				return "redirect:/login?reset";
			}
			catch (AccountException refusal) {
				UserForms.reject(errors, refusal);
			}
		}
		model.addAttribute("linkWorks", this.resets.works(form.token()));
		return "accounts/reset";
	}

}
