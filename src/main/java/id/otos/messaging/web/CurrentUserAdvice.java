package id.otos.messaging.web;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.Viewers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in person on every page's model as {@code me}, and their unread count
 * as {@code unread}, for the navigation.
 */
@ControllerAdvice
class CurrentUserAdvice {

	private final ObjectProvider<Inbox> inbox;

	private final ObjectProvider<Viewers> viewers;

	CurrentUserAdvice(ObjectProvider<Inbox> inbox, ObjectProvider<Viewers> viewers) {
		this.inbox = inbox;
		this.viewers = viewers;
	}

	@ModelAttribute("me")
	CurrentUser me(@AuthenticationPrincipal CurrentUser me) {
		return me;
	}

	@ModelAttribute("unread")
	UnreadBadge unread(@AuthenticationPrincipal CurrentUser me) {
		Inbox unread = this.inbox.getIfAvailable();
		Viewers people = this.viewers.getIfAvailable();
		if (me == null || unread == null || people == null) {
			return null;
		}
		return new UnreadBadge(() -> unread.unreadCount(people.of(me)));
	}

}
