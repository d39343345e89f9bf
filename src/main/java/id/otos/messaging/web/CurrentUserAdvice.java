package id.otos.messaging.web;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.DjangoProperties;
import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in person on every page's model as {@code me}, and their unread count
 * as {@code unread}, for the navigation, and {@code besideDjango} when Django's session
 * is the log-in (the navigation then leaves the profile and the user and category pages
 * to Django and logs out at {@link DjangoLogOut#PATH}). Pages only: the controllers of
 * the packages below, not the JSON API ({@code *.api}) nor Actuator, whose requests need
 * neither.
 */
@ControllerAdvice(basePackages = { "id.otos.messaging.web", "id.otos.messaging.accounts.web",
		"id.otos.messaging.categories.web", "id.otos.messaging.threads.web", "id.otos.messaging.notifications.web" })
class CurrentUserAdvice {

	private final ObjectProvider<UnreadCounts> counts;

	private final ObjectProvider<Viewers> viewers;

	private final boolean besideDjango;

	CurrentUserAdvice(ObjectProvider<UnreadCounts> counts, ObjectProvider<Viewers> viewers, DjangoProperties django) {
		this.counts = counts;
		this.viewers = viewers;
		this.besideDjango = django.enabled();
	}

	@ModelAttribute("besideDjango")
	boolean besideDjango() {
		return this.besideDjango;
	}

	@ModelAttribute("me")
	CurrentUser me(@AuthenticationPrincipal CurrentUser me) {
		return me;
	}

	@ModelAttribute("unread")
	UnreadBadge unread(@AuthenticationPrincipal CurrentUser me) {
		UnreadCounts unread = this.counts.getIfAvailable();
		Viewers people = this.viewers.getIfAvailable();
		if (me == null || unread == null || people == null) {
			return null;
		}
		return new UnreadBadge(() -> unread.of(people.of(me)));
	}

}
