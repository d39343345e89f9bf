package id.otos.messaging.threads.api;

import java.util.Map;

import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/messages/unread-count/} → {@code {"unread_count": N}} for the logged-in
 * user, as the original served it.
 */
@RestController
class UnreadCountController {

	private final UnreadCounts counts;

	UnreadCountController(UnreadCounts counts) {
		this.counts = counts;
	}

	@GetMapping({ "/api/messages/unread-count/", "/api/messages/unread-count" })
	Map<String, Long> unreadCount(Viewer viewer) {
		return Map.of("unread_count", this.counts.of(viewer));
	}

}
