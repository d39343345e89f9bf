package id.otos.messaging.threads.web;

import java.util.UUID;

import id.otos.messaging.attachments.AcceptedFile;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ResponseTimes;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadPages;
import id.otos.messaging.threads.ThreadRuleException;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UrlPathHelper;

/**
 * The thread page and everything posted to it, one handler per {@code action}.
 */
@Controller
@RequestMapping("/messages/thread/{id}/")
class ThreadController {

	private final ThreadPages pages;

	private final ThreadDesk desk;

	private final AttachmentUpload uploads;

	private final ThreadPageModel pageModel;

	private final ResponseTimes responseTimes;

	ThreadController(ThreadPages pages, ThreadDesk desk, AttachmentUpload uploads, ThreadPageModel pageModel,
			ResponseTimes responseTimes) {
		this.pages = pages;
		this.desk = desk;
		this.uploads = uploads;
		this.pageModel = pageModel;
		this.responseTimes = responseTimes;
	}

	@GetMapping
	String show(Viewer viewer, @PathVariable long id, Model model) {
		return page(viewer, this.pages.read(viewer, id), ReplyForm.empty(UUID.randomUUID().toString()), model);
	}

	/**
	 * What an open thread page lacks: the messages after {@code after} and the thread's
	 * state now, as HTML for the page's live updates. The same rule as the page: 404 for
	 * a thread the person may not open.
	 */
	@GetMapping("messages")
	String updates(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "0") long after, Model model) {
		this.pageModel.fillUpdate(this.pages.readAfter(viewer, id, Math.max(after, 0)), model);
		return "threads/thread-update";
	}

	@PostMapping(params = "action=reply")
	String reply(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("reply") ReplyForm reply,
			BindingResult errors, @RequestParam(required = false) MultipartFile attachment, Model model,
			RedirectAttributes redirect) {
		AcceptedFile file = this.uploads.read(attachment, model);
		if (errors.hasErrors() || model.containsAttribute("attachmentError")) {
			// shown again as it was: a refused reply moves no read position either
			return page(viewer, this.pages.look(viewer, id), reply, model);
		}
		this.desk.reply(viewer, id, reply.content(), reply.submissionKey(), file);
		return done(id, "thread.done.reply", redirect);
	}

	@PostMapping(params = "action=update_status")
	String updateStatus(Viewer viewer, @PathVariable long id, @RequestParam ThreadStatus status,
			RedirectAttributes redirect) {
		this.desk.changeStatus(viewer, id, status);
		return done(id, "thread.done.action", redirect);
	}

	@PostMapping(params = "action=close_thread")
	String close(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		this.desk.close(viewer, id);
		return done(id, "thread.done.action", redirect);
	}

	@PostMapping(params = "action=request_close")
	String requestClose(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		this.desk.requestClose(viewer, id);
		return done(id, "thread.done.action", redirect);
	}

	@PostMapping(params = "action=update_priority")
	String updatePriority(Viewer viewer, @PathVariable long id, @RequestParam Priority priority,
			RedirectAttributes redirect) {
		this.desk.changePriority(viewer, id, priority);
		return done(id, "thread.done.action", redirect);
	}

	@PostMapping(params = "action=assign")
	String assign(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Long handler,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.desk.assign(viewer, id, handler, note);
		return done(id, "thread.done.action", redirect);
	}

	@PostMapping(params = "action=claim")
	String claim(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		this.desk.claim(viewer, id);
		return done(id, "thread.done.action", redirect);
	}

	/** A move the workflow does not allow now: back to the thread, saying why. */
	@ExceptionHandler(ThreadRuleException.class)
	String refused(ThreadRuleException ex, HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashError", ex.getMessage());
		return "redirect:" + UrlPathHelper.defaultInstance.getPathWithinApplication(request);
	}

	private String page(Viewer viewer, ThreadView thread, ReplyForm reply, Model model) {
		this.pageModel.fill(thread, model);
		model.addAttribute("overdue", this.responseTimes.isOverdue(thread.id()));
		if (viewer.isStudent() && thread.categoryId() != null) {
			model.addAttribute("usualWait", this.responseTimes.usualWait(thread.categoryId()).orElse(null));
		}
		model.addAttribute("reply", reply);
		model.addAttribute("maxMegabytes", this.uploads.maxMegabytes());
		return "threads/detail";
	}

	private static String done(long id, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashSuccess", notice);
		return "redirect:/messages/thread/" + id + "/";
	}

}
