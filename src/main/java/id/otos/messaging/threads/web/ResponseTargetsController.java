package id.otos.messaging.threads.web;

import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ResponseTimes;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.ThreadForbiddenException;
import id.otos.messaging.threads.ThreadRuleException;
import id.otos.messaging.threads.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' page of response targets per priority.
 */
@Controller
@RequestMapping("/messages/targets/")
class ResponseTargetsController {

	private final ResponseTimes responseTimes;

	ResponseTargetsController(ResponseTimes responseTimes) {
		this.responseTimes = responseTimes;
	}

	@GetMapping
	String form(Viewer viewer, Model model) {
		requireAdmin(viewer);
		return page(TargetsForm.of(this.responseTimes.targets()), model);
	}

	@PostMapping
	String save(Viewer viewer, @ModelAttribute("form") TargetsForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		requireAdmin(viewer);
		try {
			this.responseTimes.setTargets(viewer, form.toHours());
		}
		catch (ThreadRuleException ex) {
			errors.reject(ex.getMessage(), ex.arguments(), null);
			return page(form, model);
		}
		redirect.addFlashAttribute("flashSuccess", "targets.done");
		return "redirect:/messages/targets/";
	}

	private String page(TargetsForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("minHours", ResponseTimes.TARGET_HOURS_MIN);
		model.addAttribute("maxHours", ResponseTimes.TARGET_HOURS_MAX);
		return "threads/targets";
	}

	private static void requireAdmin(Viewer viewer) {
		if (!ThreadAccess.maySetResponseTargets(viewer)) {
			throw new ThreadForbiddenException("set response targets");
		}
	}

}
