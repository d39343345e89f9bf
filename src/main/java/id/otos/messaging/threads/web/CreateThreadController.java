package id.otos.messaging.threads.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import id.otos.messaging.attachments.AcceptedFile;
import id.otos.messaging.questions.Question;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.QuestionReports;
import id.otos.messaging.threads.ResponseTimes;
import id.otos.messaging.threads.ThreadAccess;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadForbiddenException;
import id.otos.messaging.threads.ThreadRuleException;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping({ "/messages/create/", "/messages/create" })
class CreateThreadController {

	private final ThreadDesk desk;

	private final CategoryChoices categories;

	private final AttachmentUpload uploads;

	private final ResponseTimes responseTimes;

	private final QuestionReports reports;

	private final MessageSource messages;

	CreateThreadController(ThreadDesk desk, CategoryChoices categories, AttachmentUpload uploads,
			ResponseTimes responseTimes, QuestionReports reports, MessageSource messages) {
		this.reports = reports;
		this.messages = messages;
		this.responseTimes = responseTimes;
		this.desk = desk;
		this.categories = categories;
		this.uploads = uploads;
	}

	@GetMapping
	String form(Viewer viewer, @RequestParam(required = false) String question, Model model, Locale locale) {
		requireStudent(viewer);
		if (question != null) {
			Question reported = this.reports.questionFor(viewer, QuestionIds.parse(question));
			String title = this.messages.getMessage("question.report.default-title",
					new Object[] { reported.id(), reported.categoryName() }, locale);
			return page(viewer, ThreadForm.reportAbout(reported.id(), title, UUID.randomUUID().toString()), model);
		}
		return page(viewer, ThreadForm.empty(UUID.randomUUID().toString()), model);
	}

	@PostMapping
	String create(Viewer viewer, @Valid @ModelAttribute("form") ThreadForm form, BindingResult errors,
			@RequestParam(required = false) MultipartFile attachment, Model model, RedirectAttributes redirect) {
		requireStudent(viewer);
		form.check(errors);
		AcceptedFile file = this.uploads.read(attachment, model);
		if (errors.hasErrors() || model.containsAttribute("attachmentError")) {
			return page(viewer, form, model);
		}
		try {
			long id = open(viewer, form, file);
			redirect.addFlashAttribute("flashSuccess", "thread.done.created");
			return "redirect:/messages/thread/" + id + "/";
		}
		catch (ThreadRuleException ex) {
			errors.reject(ex.getMessage(), ex.arguments(), null);
			return page(viewer, form, model);
		}
	}

	/**
	 * Opens the thread; the second of two identical submissions racing each other gets
	 * the first's.
	 */
	private long open(Viewer viewer, ThreadForm form, AcceptedFile file) {
		try {
			if (form.reportsAQuestion()) {
				return this.desk.openReport(viewer, QuestionIds.parse(form.question()), form.toRequest(), file);
			}
			return this.desk.open(viewer, form.toRequest(), file);
		}
		catch (DataIntegrityViolationException ex) {
			return this.desk.threadOpenedWith(viewer, form.submissionKey()).orElseThrow(() -> ex);
		}
	}

	private String page(Viewer viewer, ThreadForm form, Model model) {
		model.addAttribute("form", form);
		if (form.reportsAQuestion()) {
			long questionId = QuestionIds.parse(form.question());
			model.addAttribute("question", this.reports.questionFor(viewer, questionId));
			model.addAttribute("earlierAnswer", this.reports.latestAnswer(questionId).orElse(null));
		}
		model.addAttribute("types", Arrays.stream(ThreadType.values()).filter(ThreadType::studentsMayOpen).toList());
		model.addAttribute("priorities",
				Arrays.stream(Priority.values()).filter((p) -> ThreadAccess.mayChoose(viewer, p)).toList());
		model.addAttribute("categories", this.categories.all());
		model.addAttribute("usualWaits", this.responseTimes.usualWaits());
		model.addAttribute("maxMegabytes", this.uploads.maxMegabytes());
		return "threads/create";
	}

	private static void requireStudent(Viewer viewer) {
		if (!ThreadAccess.mayOpenNewThread(viewer)) {
			throw new ThreadForbiddenException("open a thread");
		}
	}

}
