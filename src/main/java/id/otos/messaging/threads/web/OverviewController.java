package id.otos.messaging.threads.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.Overview;
import id.otos.messaging.threads.ThreadForbiddenException;
import id.otos.messaging.threads.Viewer;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The staff's overview page, and the thread list as CSV with the inbox's filters.
 */
@Controller
class OverviewController {

	private final Overview overview;

	private final Inbox inbox;

	private final MessageSource messages;

	OverviewController(Overview overview, Inbox inbox, MessageSource messages) {
		this.overview = overview;
		this.inbox = inbox;
		this.messages = messages;
	}

	@GetMapping("/messages/overview/")
	String overview(Viewer viewer, Model model) {
		model.addAttribute("dashboard", this.overview.of(viewer));
		return "threads/overview";
	}

	/**
	 * Every thread the inbox's filters find (the page ignored), streamed as CSV.
	 */
	@GetMapping("/messages/export.csv")
	void export(Viewer viewer, @ModelAttribute("query") InboxQuery query, Locale locale, HttpServletResponse response)
			throws IOException {
		if (!Overview.mayView(viewer)) {
			throw new ThreadForbiddenException("export threads");
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"threads.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		try (ThreadCsv csv = new ThreadCsv(out, this.messages, locale)) {
			this.inbox.export(viewer, query.toFilter(1), csv::add);
		}
	}

}
