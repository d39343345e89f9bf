package id.otos.messaging.threads.web;

import java.util.List;

import id.otos.messaging.categories.Categories;
import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.InboxOrder;
import id.otos.messaging.threads.InboxScope;
import id.otos.messaging.threads.MessagesProperties;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.StaffFilter;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

@Controller
class InboxController {

	private final Inbox inbox;

	private final MessagesProperties properties;

	private final Categories categories;

	InboxController(Inbox inbox, MessagesProperties properties, Categories categories) {
		this.inbox = inbox;
		this.properties = properties;
		this.categories = categories;
	}

	@GetMapping({ "/messages/", "/messages" })
	String inbox(Viewer viewer, @ModelAttribute("query") InboxQuery query, Model model) {
		fill(viewer, query, model);
		return "threads/inbox";
	}

	/**
	 * The inbox's list alone, with the same filters, for the page's live updates.
	 */
	@GetMapping("/messages/rows/")
	String rows(Viewer viewer, @ModelAttribute("query") InboxQuery query, Model model) {
		fill(viewer, query, model);
		return "threads/inbox :: rows";
	}

	private void fill(Viewer viewer, InboxQuery query, Model model) {
		model.addAttribute("inbox", this.inbox.page(viewer, query.toFilter(this.properties.pageSize())));
		model.addAttribute("mayOpenNewThread", ThreadAccess.mayOpenNewThread(viewer));
		model.addAttribute("statuses", ThreadStatus.values());
		model.addAttribute("types", ThreadType.values());
		model.addAttribute("priorities", Priority.values());
		boolean staffTools = ThreadAccess.usesStaffTools(viewer);
		model.addAttribute("staffFilters", staffTools);
		if (staffTools) {
			model.addAttribute("scopes", InboxScope.values());
			model.addAttribute("orders", InboxOrder.values());
			model.addAttribute("waitingHoursMax", StaffFilter.WAITING_HOURS_MAX);
			model.addAttribute("categories", this.categories.all());
		}
		else {
			model.addAttribute("categories", List.of());
		}
	}

}
