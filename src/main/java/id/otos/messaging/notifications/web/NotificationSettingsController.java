package id.otos.messaging.notifications.web;

import java.util.Locale;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.notifications.DigestChoice;
import id.otos.messaging.notifications.NotificationSettings;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The e-mail section of the profile page: digests on or off ({@code email-digest}), and
 * their language ({@code email-language}; anything but {@code en} is Indonesian).
 */
@Controller
class NotificationSettingsController {

	private final NotificationSettings settings;

	NotificationSettingsController(NotificationSettings settings) {
		this.settings = settings;
	}

	@PostMapping("/profile/notifications")
	String save(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(name = "email-digest", defaultValue = "false") boolean emailDigest,
			@RequestParam(name = "email-language", defaultValue = "id") String language, RedirectAttributes redirect) {
		this.settings.choose(me.id(), new DigestChoice(emailDigest, Locale.forLanguageTag(language)));
		redirect.addFlashAttribute("flashSuccess", "notifications.saved");
		return "redirect:/profile";
	}

}
