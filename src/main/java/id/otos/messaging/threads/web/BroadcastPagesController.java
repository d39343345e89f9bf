package id.otos.messaging.threads.web;

import id.otos.messaging.threads.BroadcastSummary;
import id.otos.messaging.threads.Broadcasts;
import id.otos.messaging.threads.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The broadcasts a sender sent, each as one thing: how many students it reached and how
 * many replied, and the threads with replies.
 */
@Controller
class BroadcastPagesController {

	private final Broadcasts broadcasts;

	BroadcastPagesController(Broadcasts broadcasts) {
		this.broadcasts = broadcasts;
	}

	@GetMapping({ "/messages/broadcasts/", "/messages/broadcasts" })
	String list(Viewer viewer, Model model) {
		model.addAttribute("broadcasts", this.broadcasts.list(viewer));
		return "threads/broadcasts";
	}

	@GetMapping({ "/messages/broadcasts/{id}/", "/messages/broadcasts/{id}" })
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		BroadcastSummary broadcast = this.broadcasts.find(viewer, id);
		model.addAttribute("broadcast", broadcast);
		model.addAttribute("replies", this.broadcasts.replies(viewer, id));
		return "threads/broadcast-detail";
	}

}
