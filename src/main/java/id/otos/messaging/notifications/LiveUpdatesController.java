package id.otos.messaging.notifications;

import java.io.IOException;
import java.util.Locale;

import id.otos.messaging.accounts.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /messages/events/}: the logged-in person's live updates, as Server-Sent
 * Events. Events carry thread and message ids only; the page fetches what changed with
 * the same rules as any page. The stream is served by {@link LiveClients} without a
 * thread or a blocking write of its own (docs/decisions/0012); when the node holds as
 * many streams as it may, the request is refused at once with 503, {@code Retry-After}
 * and a line in the person's language. A {@code HEAD} request gets the headers and holds
 * no stream (nobody can read it).
 */
@RestController
class LiveUpdatesController {

	static final int RETRY_AFTER_SECONDS = 10;

	private final LiveClients clients;

	private final MessageSource messages;

	LiveUpdatesController(LiveClients clients, MessageSource messages) {
		this.clients = clients;
		this.messages = messages;
	}

	@GetMapping(path = { "/messages/events/", "/messages/events" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	void events(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, HttpServletResponse response,
			Locale locale) throws IOException {
		if (HttpMethod.HEAD.matches(request.getMethod())) {
			response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
			return;
		}
		if (!this.clients.open(me.id(), request, response)) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().println(this.messages.getMessage("live.error.busy", null, locale));
		}
	}

}
