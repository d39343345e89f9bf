package id.otos.messaging.notifications.web;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.notifications.NotificationSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the profile page (in {@code accounts.web}, which knows nothing of e-mail) the
 * person's e-mail choice as {@code digestChoice}; the page includes
 * {@code notifications/settings :: form}. Web slices of other features run without the
 * settings, and the page then leaves the section out.
 */
@ControllerAdvice(basePackages = "id.otos.messaging.accounts.web")
class ProfileNotificationsAdvice {

	private final ObjectProvider<NotificationSettings> settings;

	ProfileNotificationsAdvice(ObjectProvider<NotificationSettings> settings) {
		this.settings = settings;
	}

	@ModelAttribute("digestChoice")
	DigestChoiceView digestChoice(@AuthenticationPrincipal CurrentUser me) {
		NotificationSettings available = this.settings.getIfAvailable();
		if (me == null || available == null) {
			return null;
		}
		return new DigestChoiceView(() -> available.choiceOf(me.id()), available.digestDelay().toMinutes());
	}

}
