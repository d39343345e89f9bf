package id.otos.messaging.notifications;

import id.otos.messaging.accounts.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /messages/events/}: the logged-in person's live updates, as Server-Sent
 * Events. Events carry thread and message ids only; the page fetches what changed with
 * the same rules as any page.
 */
@RestController
class LiveUpdatesController {

	private final LiveClients clients;

	LiveUpdatesController(LiveClients clients) {
		this.clients = clients;
	}

	@GetMapping(path = { "/messages/events/", "/messages/events" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@AuthenticationPrincipal CurrentUser me) {
		return this.clients.connect(me.id());
	}

}
