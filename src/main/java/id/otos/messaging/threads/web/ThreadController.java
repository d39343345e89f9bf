package id.otos.messaging.threads.web;

import java.util.List;
import java.util.UUID;

import id.otos.messaging.attachments.AcceptedFile;
import id.otos.messaging.threads.InternalNotes;
import id.otos.messaging.threads.NoteView;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ResponseTimes;
import id.otos.messaging.threads.QuestionReports;
import id.otos.messaging.threads.ReadyAnswerChoice;
import id.otos.messaging.threads.ReadyAnswerNotFoundException;
import id.otos.messaging.threads.ReadyAnswers;
import id.otos.messaging.threads.ThreadAction;
import id.otos.messaging.threads.ThreadForbiddenException;
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

	private final InternalNotes notes;

	private final ReadyAnswers answers;

	private final QuestionReports questionReports;

	ThreadController(ThreadPages pages, ThreadDesk desk, AttachmentUpload uploads, ThreadPageModel pageModel,
			ResponseTimes responseTimes, InternalNotes notes, ReadyAnswers answers, QuestionReports questionReports) {
		this.questionReports = questionReports;
		this.pages = pages;
		this.desk = desk;
		this.uploads = uploads;
		this.pageModel = pageModel;
		this.responseTimes = responseTimes;
		this.notes = notes;
		this.answers = answers;
	}

	@GetMapping
	String show(Viewer viewer, @PathVariable long id, Model model) {
		ThreadView thread = this.pages.read(viewer, id);
		return page(viewer, thread, this.notes.read(viewer, thread, 0), replyAfterInsert(model),
				NoteForm.empty(newKey()), model);
	}

	/**
	 * What an open thread page lacks: the messages after {@code after} and the thread's
	 * state now, as HTML for the page's live updates. The same rule as the page: 404 for
	 * a thread the person may not open.
	 */
	@GetMapping("messages")
	String updates(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(name = "after_note", defaultValue = "0") long afterNote, Model model) {
		ThreadView thread = this.pages.readAfter(viewer, id, Math.max(after, 0));
		this.pageModel.fillUpdate(thread, this.notes.read(viewer, thread, afterNote), model);
		model.addAttribute("overdue", this.responseTimes.isOverdue(thread.id()));
		return "threads/thread-update";
	}

	@PostMapping(params = "action=reply")
	String reply(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("reply") ReplyForm reply,
			BindingResult errors, @RequestParam(required = false) MultipartFile attachment, Model model,
			RedirectAttributes redirect) {
		AcceptedFile file = this.uploads.read(attachment, model);
		if (errors.hasErrors() || model.containsAttribute("attachmentError")) {
			// shown again as it was: a refused reply moves no read position either
			ThreadView thread = this.pages.look(viewer, id);
			return page(viewer, thread, this.notes.look(viewer, thread), reply, NoteForm.empty(newKey()), model);
		}
		this.desk.reply(viewer, id, reply.content(), reply.submissionKey(), file);
		return done(id, "thread.done.reply", redirect);
	}

	/**
	 * The page without JavaScript: the chosen ready answer (its placeholders filled in)
	 * added to what was typed, shown in the reply box of the thread page it redirects to.
	 * Nothing is sent or read.
	 */
	@PostMapping(params = { "action=reply", "insert_answer" })
	String insertAnswer(Viewer viewer, @PathVariable long id, @ModelAttribute("reply") ReplyForm reply,
			@RequestParam(required = false) Long answer, RedirectAttributes redirect) {
		ThreadView thread = this.pages.look(viewer, id);
		String text = (answer == null) ? ""
				: this.answers.choice(viewer, thread, answer)
					.map(ReadyAnswerChoice::text)
					.orElseThrow(() -> new ReadyAnswerNotFoundException(answer));
		ReplyForm filled = reply.withAnswer(text);
		// plain strings: the flash map travels in a signed cookie (web/FlashCookie), or
		// in the
		// session when too long for one
		redirect.addFlashAttribute("replyContent", filled.content());
		redirect.addFlashAttribute("replyKey", filled.submissionKey());
		return done(id, "answers.inserted", redirect);
	}

	/** An internal note: staff only, never shown to the thread's student. */
	@PostMapping(params = "action=note")
	String note(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("note") NoteForm note,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			ThreadView thread = this.pages.look(viewer, id);
			if (!thread.allowed().contains(ThreadAction.NOTE)) {
				throw new ThreadForbiddenException(ThreadAction.NOTE);
			}
			return page(viewer, thread, this.notes.look(viewer, thread), ReplyForm.empty(newKey()), note, model);
		}
		this.notes.add(viewer, id, note.content(), note.submissionKey());
		return done(id, "note.done", redirect);
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

	/** Status, priority and handler in one submit (each change audited on its own). */
	@PostMapping(params = "action=triage")
	String triage(Viewer viewer, @PathVariable long id, TriageForm form, RedirectAttributes redirect) {
		this.pages.openable(viewer, id); // a thread one may not open is not found,
											// whatever the form says
		boolean changed = this.desk.triage(viewer, id, form.toTriage());
		return done(id, changed ? "thread.done.action" : "thread.done.nothing", redirect);
	}

	/** A teacher hands the thread they hold to a colleague of its category. */
	@PostMapping(params = "action=handoff")
	String handOff(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String handler,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		Long teacher = FormValues.parse(handler, Long::valueOf).orElse(null);
		this.desk.handOff(viewer, id, teacher, TriageForm.note(note));
		return done(id, "thread.done.handoff", redirect);
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

	private String page(Viewer viewer, ThreadView thread, List<NoteView> notes, ReplyForm reply, NoteForm note,
			Model model) {
		this.pageModel.fill(thread, notes, model);
		model.addAttribute("answerChoices", this.answers.choicesFor(viewer, thread));
		model.addAttribute("overdue", this.responseTimes.isOverdue(thread.id()));
		model.addAttribute("questionGroup", this.questionReports.groupLink(viewer, thread.id()).orElse(null));
		if (viewer.isStudent()) {
			model.addAttribute("usualWait",
					this.responseTimes.usualWait(thread.type(), thread.categoryId()).orElse(null));
		}
		model.addAttribute("reply", reply);
		model.addAttribute("note", note);
		model.addAttribute("maxMegabytes", this.uploads.maxMegabytes());
		return "threads/detail";
	}

	/** An empty reply form, or the one a ready answer was inserted into. */
	private static ReplyForm replyAfterInsert(Model model) {
		Object content = model.getAttribute("replyContent");
		Object key = model.getAttribute("replyKey");
		return (content instanceof String text) ? new ReplyForm(text, (key instanceof String k) ? k : newKey())
				: ReplyForm.empty(newKey());
	}

	private static String newKey() {
		return UUID.randomUUID().toString();
	}

	private static String done(long id, String notice, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flashSuccess", notice);
		return "redirect:/messages/thread/" + id + "/";
	}

}
