package id.otos.messaging.web;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in person on every page's model as {@code me}, and their unread count
 * as {@code unread}, for the navigation. Pages only: the controllers of the packages
 * below, not the JSON API ({@code *.api}) nor Actuator, whose requests need neither.
 */
@ControllerAdvice(basePackages = { "id.otos.messaging.web", "id.otos.messaging.accounts.web",
		"id.otos.messaging.categories.web", "id.otos.messaging.threads.web", "id.otos.messaging.notifications.web" })
class CurrentUserAdvice {

	private final ObjectProvider<UnreadCounts> counts;

	private final ObjectProvider<Viewers> viewers;

	CurrentUserAdvice(ObjectProvider<UnreadCounts> counts, ObjectProvider<Viewers> viewers) {
		this.counts = counts;
		this.viewers = viewers;
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
