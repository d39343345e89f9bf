package id.otos.messaging.threads.web;

import java.util.List;
import java.util.UUID;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.Broadcasts;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping({ "/messages/broadcast/", "/messages/broadcast" })
class BroadcastController {

	private final Broadcasts broadcasts;

	private final Accounts accounts;

	private final Categories categories;

	BroadcastController(Broadcasts broadcasts, Accounts accounts, Categories categories) {
		this.broadcasts = broadcasts;
		this.accounts = accounts;
		this.categories = categories;
	}

	@GetMapping
	String form(Viewer viewer, Model model) {
		requireStaff(viewer);
		return page(BroadcastForm.empty(UUID.randomUUID().toString()), model);
	}

	/**
	 * Sends once the sender has confirmed how many students it goes to: a first
	 * submission, or one whose number has changed since, shows the number to confirm.
	 */
	@PostMapping
	String send(Viewer viewer, @Valid @ModelAttribute("form") BroadcastForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		requireStaff(viewer);
		form.check(errors);
		if (errors.hasErrors()) {
			return page(form, model);
		}
		try {
			int recipients = this.broadcasts.countRecipients(viewer, form.toBroadcast());
			if (!form.confirms(recipients)) {
				model.addAttribute("recipients", recipients);
				return page(form, model);
			}
			Broadcasts.Sent sent = Submissions.once(() -> this.broadcasts.send(viewer, form.toBroadcast()));
			redirect.addFlashAttribute("flashSuccess", "broadcast.done");
			redirect.addFlashAttribute("flashSuccessArgument", sent.recipients());
			return "redirect:/messages/broadcasts/" + sent.broadcastId() + "/";
		}
		catch (ThreadRuleException ex) {
			errors.reject(ex.getMessage());
			return page(form, model);
		}
	}

	private String page(BroadcastForm form, Model model) {
		model.addAttribute("form", form);
		List<UserSummary> students = this.accounts.withRole(RoleName.STUDENT)
			.stream()
			.filter(UserSummary::active)
			.toList();
		model.addAttribute("students", students);
		model.addAttribute("activeStudents", students.size());
		model.addAttribute("categories", this.categories.all());
		model.addAttribute("priorities", Priority.values());
		return "threads/broadcast";
	}

	private static void requireStaff(Viewer viewer) {
		if (!ThreadAccess.mayBroadcast(viewer)) {
			throw new ThreadForbiddenException("broadcast");
		}
	}

}
