package id.otos.messaging.threads.web;

import java.util.UUID;

import id.otos.messaging.threads.Explanations;
import id.otos.messaging.threads.QuestionReports;
import id.otos.messaging.threads.QuestionReports.ReportGroup;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.ThreadRuleException;
import id.otos.messaging.threads.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UrlPathHelper;

/**
 * The open reports about one of otos's questions, folded together for staff: answered and
 * resolved at once, and the question's explanation corrected. A question one may not see,
 * a malformed id, or no questions at all (standalone) is "not found".
 */
@Controller
@RequestMapping("/messages/questions/{id}/")
class QuestionReportsController {

	private final QuestionReports reports;

	private final Explanations explanations;

	QuestionReportsController(QuestionReports reports, Explanations explanations) {
		this.reports = reports;
		this.explanations = explanations;
	}

	@GetMapping
	String show(Viewer viewer, @PathVariable String id, Model model) {
		return page(viewer, QuestionIds.parse(id), ReplyForm.empty(newKey()), null, model);
	}

	@PostMapping(params = "action=answer")
	String answer(Viewer viewer, @PathVariable String id, @Valid @ModelAttribute("reply") ReplyForm reply,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		long question = QuestionIds.parse(id);
		if (errors.hasErrors()) {
			return page(viewer, question, reply, null, model);
		}
		int answered = Submissions
			.once(() -> this.reports.answerAll(viewer, question, reply.content(), reply.submissionKey()));
		return done(question, "question.reports.answered", answered, redirect);
	}

	@PostMapping(params = "action=resolve")
	String resolve(Viewer viewer, @PathVariable String id, RedirectAttributes redirect) {
		long question = QuestionIds.parse(id);
		return done(question, "question.reports.resolved", this.reports.resolveAll(viewer, question), redirect);
	}

	@PostMapping(params = "action=explain")
	String explain(Viewer viewer, @PathVariable String id,
			@Valid @ModelAttribute("explanation") ExplanationForm explanation, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		long question = QuestionIds.parse(id);
		if (errors.hasErrors()) {
			return page(viewer, question, ReplyForm.empty(newKey()), explanation, model);
		}
		boolean changed = Submissions.once(() -> this.explanations.publish(viewer, question, explanation.explanation(),
				explanation.submissionKey()));
		return done(question, changed ? "question.explanation.published" : "thread.done.nothing", 0, redirect);
	}

	@PostMapping(params = "action=restore")
	String restore(Viewer viewer, @PathVariable String id, @Valid @ModelAttribute("restore") RestoreForm restore,
			BindingResult errors, RedirectAttributes redirect) {
		long question = QuestionIds.parse(id);
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("flashError", "form.error.stale");
			return "redirect:/messages/questions/" + question + "/";
		}
		long change = restore.changeId();
		boolean changed = Submissions
			.once(() -> this.explanations.restore(viewer, question, change, restore.submissionKey()));
		return done(question, changed ? "question.explanation.restored" : "thread.done.nothing", 0, redirect);
	}

	/** A refused answer (empty, too long): back to the group, saying why. */
	@ExceptionHandler(ThreadRuleException.class)
	String refused(ThreadRuleException ex, HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError", ex.getMessage());
		return "redirect:" + UrlPathHelper.defaultInstance.getPathWithinApplication(request);
	}

	private String page(Viewer viewer, long questionId, ReplyForm reply, ExplanationForm explanation, Model model) {
		ReportGroup group = this.reports.group(viewer, questionId);
		boolean publishes = ThreadAccess.mayPublishExplanation(viewer, group.question().categoryId());
		model.addAttribute("group", group);
		model.addAttribute("reply", reply);
		model.addAttribute("publishes", publishes);
		if (publishes) {
			model.addAttribute("explanation", (explanation != null) ? explanation
					: new ExplanationForm(group.question().explanation(), newKey()));
			model.addAttribute("history", this.explanations.history(viewer, questionId));
			model.addAttribute("restoreKey", newKey());
		}
		return "threads/question-reports";
	}

	private static String done(long questionId, String notice, int count, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashSuccess", notice);
		redirect.addFlashAttribute("flashSuccessArgument", count);
		return "redirect:/messages/questions/" + questionId + "/";
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

}
