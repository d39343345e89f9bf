package id.otos.messaging.threads.api;

import java.util.Map;

import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.Viewer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/messages/unread-count/} → {@code {"unread_count": N}} for the logged-in
 * user, as the original served it.
 */
@RestController
class UnreadCountController {

	private final Inbox inbox;

	UnreadCountController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping({ "/api/messages/unread-count/", "/api/messages/unread-count" })
	Map<String, Long> unreadCount(Viewer viewer) {
		return Map.of("unread_count", this.inbox.unreadCount(viewer));
	}

}
