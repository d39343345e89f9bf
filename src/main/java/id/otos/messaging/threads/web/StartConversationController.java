package id.otos.messaging.threads.web;

import java.util.UUID;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.threads.Conversations;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.ThreadForbiddenException;
import id.otos.messaging.threads.ThreadRuleException;
import id.otos.messaging.threads.Viewer;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff start a conversation with a student: a follow-up or a reminder, which the student
 * sees like any thread of theirs.
 */
@Controller
@RequestMapping({ "/messages/start/", "/messages/start" })
class StartConversationController {

	private final Conversations conversations;

	private final Accounts accounts;

	StartConversationController(Conversations conversations, Accounts accounts) {
		this.conversations = conversations;
		this.accounts = accounts;
	}

	@GetMapping
	String form(Viewer viewer, @RequestParam(required = false) String student, Model model) {
		requireStaff(viewer);
		Long chosen = FormValues.parse(student, Long::valueOf).orElse(null);
		return page(ConversationForm.empty(chosen, UUID.randomUUID().toString()), model);
	}

	@PostMapping
	String start(Viewer viewer, @Valid @ModelAttribute("form") ConversationForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		requireStaff(viewer);
		form.check(errors);
		if (errors.hasErrors()) {
			return page(form, model);
		}
		try {
			long id = Submissions.once(() -> this.conversations.start(viewer, form.toConversation()));
			redirect.addFlashAttribute("flashSuccess", "conversation.done");
			return "redirect:/messages/thread/" + id + "/";
		}
		catch (ThreadRuleException ex) {
			errors.reject(ex.getMessage(), ex.arguments(), null);
			return page(form, model);
		}
	}

	private String page(ConversationForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("students",
				this.accounts.withRole(RoleName.STUDENT).stream().filter(UserSummary::active).toList());
		model.addAttribute("types", ConversationForm.TYPES);
		model.addAttribute("priorities", Priority.values());
		return "threads/start";
	}

	private static void requireStaff(Viewer viewer) {
		if (!ThreadAccess.mayStartConversation(viewer)) {
			throw new ThreadForbiddenException("start a conversation");
		}
	}

}
