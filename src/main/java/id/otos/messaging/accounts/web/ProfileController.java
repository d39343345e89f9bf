package id.otos.messaging.accounts.web;

import java.io.IOException;
import java.io.InputStream;

import id.otos.messaging.accounts.AccountDetails;
import id.otos.messaging.accounts.AccountException;
import id.otos.messaging.accounts.AccountNotFoundException;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.ProfilePictures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each person's own profile: name and phone, password, picture.
 */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private static final String REDIRECT = "redirect:/profile";

	private final Accounts accounts;

	private final ProfilePictures pictures;

	private final LoggedInSession session;

	ProfileController(Accounts accounts, ProfilePictures pictures, LoggedInSession session) {
		this.accounts = accounts;
		this.pictures = pictures;
		this.session = session;
	}

	@GetMapping
	String show(@AuthenticationPrincipal CurrentUser me, Model model) {
		return page(me, model);
	}

	@PostMapping("/details")
	String saveDetails(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("profileForm") ProfileForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.accounts.updateProfile(me.id(), form.firstName(), form.lastName(), form.phoneNumber());
			}
			catch (AccountException refusal) {
				UserForms.reject(errors, refusal);
			}
		}
		return errors.hasErrors() ? page(me, model) : done(redirect, "profile.saved");
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal CurrentUser me,
			@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		if (!errors.hasFieldErrors("newPassword") && !form.confirmationMatches()) {
			errors.rejectValue("confirmPassword", "profile.password.error.mismatch");
		}
		if (!errors.hasErrors()) {
			try {
				CurrentUser renewed = this.accounts.changePassword(me.id(), form.currentPassword(), form.newPassword(),
						request.getRemoteAddr());
				this.session.renew(renewed, request, response);
			}
			catch (AccountException refusal) {
				UserForms.reject(errors, refusal);
			}
		}
		return errors.hasErrors() ? page(me, model) : done(redirect, "profile.password.changed");
	}

	@PostMapping("/picture")
	String uploadPicture(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("pictureForm") PictureForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) throws IOException {
		if (form.isEmpty()) {
			errors.rejectValue("picture", "profile.picture.error.missing");
			return page(me, model);
		}
		try (InputStream content = form.picture().getInputStream()) {
			this.pictures.upload(me.id(), content);
		}
		catch (AccountException refusal) {
			UserForms.reject(errors, refusal);
			return page(me, model);
		}
		return done(redirect, "profile.picture.saved");
	}

	@PostMapping("/picture/remove")
	String removePicture(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		try {
			this.pictures.remove(me.id());
		}
		catch (AccountException refusal) {
			redirect.addFlashAttribute("flashError", refusal.messageKey());
			return REDIRECT;
		}
		return done(redirect, "profile.picture.removed");
	}

	private String page(CurrentUser me, Model model) {
		AccountDetails account = this.accounts.details(me.id())
			.orElseThrow(() -> new AccountNotFoundException(me.id()));
		model.addAttribute("account", account);
		model.addAttribute("pictureMaxSize", this.pictures.maxSize());
		model.addAttribute("pictureMaxBytes", this.pictures.maxBytes());
		if (!model.containsAttribute("profileForm")) {
			model.addAttribute("profileForm", ProfileForm.of(account));
		}
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", PasswordForm.empty());
		}
		if (!model.containsAttribute("pictureForm")) {
			model.addAttribute("pictureForm", new PictureForm(null));
		}
		return "accounts/profile";
	}

	private static String done(RedirectAttributes redirect, String messageKey) {
		redirect.addFlashAttribute("flashSuccess", messageKey);
		return REDIRECT;
	}

}
