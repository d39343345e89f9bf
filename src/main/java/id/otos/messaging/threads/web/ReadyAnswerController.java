package id.otos.messaging.threads.web;

import id.otos.messaging.threads.ReadyAnswers;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.Viewer;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where those who answer threads keep their ready answers (and operators and
 * admins the shared ones): the list, a form to add or change one, and removing one.
 */
@Controller
@RequestMapping("/messages/answers/")
class ReadyAnswerController {

	private final ReadyAnswers answers;

	ReadyAnswerController(ReadyAnswers answers) {
		this.answers = answers;
	}

	@GetMapping
	String list(Viewer viewer, @RequestParam(required = false) Long edit, Model model) {
		ReadyAnswerForm form = (edit != null) ? ReadyAnswerForm.of(this.answers.editable(viewer, edit))
				: ReadyAnswerForm.empty();
		return page(viewer, form, model);
	}

	@PostMapping
	String save(Viewer viewer, @Valid @ModelAttribute("form") ReadyAnswerForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		form.check(errors);
		if (errors.hasErrors()) {
			return page(viewer, form, model);
		}
		this.answers.save(viewer, form.answerId(), form.title(), form.content(), form.isShared());
		redirect.addFlashAttribute("flashSuccess", "answers.done.saved");
		return "redirect:/messages/answers/";
	}

	@PostMapping("{id}/delete")
	String delete(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		this.answers.delete(viewer, id);
		redirect.addFlashAttribute("flashSuccess", "answers.done.deleted");
		return "redirect:/messages/answers/";
	}

	private String page(Viewer viewer, ReadyAnswerForm form, Model model) {
		model.addAttribute("answers", this.answers.list(viewer));
		model.addAttribute("form", form);
		model.addAttribute("mayShare", ThreadAccess.managesSharedAnswers(viewer));
		model.addAttribute("placeholders", ReadyAnswers.PLACEHOLDERS);
		return "threads/answers";
	}

}
