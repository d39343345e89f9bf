package id.otos.messaging.threads.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.threads.NoteView;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadAction;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadView;
import id.otos.messaging.threads.ThreadView.MessageView;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the thread page needs beside the thread: the choices of its action forms.
 */
@Component
class ThreadPageModel {

	private final Accounts accounts;

	private final Categories categories;

	private final MessageText messageText;

	private final HistoryLines history;

	ThreadPageModel(Accounts accounts, Categories categories, MessageText messageText, HistoryLines history) {
		this.history = history;
		this.accounts = accounts;
		this.categories = categories;
		this.messageText = messageText;
	}

	void fill(ThreadView thread, List<NoteView> notes, Model model) {
		fillUpdate(thread, notes, model);
		model.addAttribute("statuses", ThreadStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("history", this.history.of(thread));
		model.addAttribute("withoutTeacher", withoutTeacher(thread));
		model.addAttribute("handlers", thread.allowed().contains(ThreadAction.ASSIGN)
				? withCurrent(thread, assignable(thread)) : List.<UserSummary>of());
		model.addAttribute("colleagues",
				thread.allowed().contains(ThreadAction.HAND_OFF) ? assignable(thread).stream()
					.filter((teacher) -> !Long.valueOf(teacher.id()).equals(thread.handlerId()))
					.toList() : List.<UserSummary>of());
	}

	/**
	 * The thread, its messages and the internal notes the viewer may read (in the order
	 * they were written), and their text, without the action forms' choices.
	 */
	void fillUpdate(ThreadView thread, List<NoteView> notes, Model model) {
		model.addAttribute("thread", thread);
		model.addAttribute("timeline", Timeline.of(thread.messages(), notes));
		model.addAttribute("messageHtml",
				thread.messages()
					.stream()
					.collect(Collectors.toMap(MessageView::id, (message) -> this.messageText.html(message.content()))));
		model.addAttribute("noteHtml", notes.stream()
			.collect(Collectors.toMap(NoteView::id, (note) -> this.messageText.html(note.content()))));
	}

	/**
	 * Whether an academic thread is answered by someone who does not teach its category:
	 * routing found no active teacher for it and gave it to an operator or admin.
	 */
	private boolean withoutTeacher(ThreadView thread) {
		return thread.type().isAcademic() && thread.handlerId() != null && thread.categoryId() != null
				&& !this.categories.teacherIds(thread.categoryId()).contains(thread.handlerId());
	}

	/**
	 * The choices with the current handler among them (routing may have given an academic
	 * thread to an operator): the one form's select keeps them unless changed.
	 */
	private List<UserSummary> withCurrent(ThreadView thread, List<UserSummary> choices) {
		if (thread.handlerId() == null || choices.stream().anyMatch((h) -> h.id() == thread.handlerId())) {
			return choices;
		}
		List<UserSummary> all = new ArrayList<>(choices);
		this.accounts.find(thread.handlerId()).ifPresent((current) -> all.add(0, current));
		return all;
	}

	/** Who the thread can go to: teachers of its category, or operators and admins. */
	private List<UserSummary> assignable(ThreadView thread) {
		if (thread.type().isAcademic()) {
			Set<Long> teachers = (thread.categoryId() != null) ? this.categories.teacherIds(thread.categoryId())
					: Set.of();
			return this.accounts.withRole(RoleName.TEACHER)
				.stream()
				.filter((teacher) -> teacher.active() && teachers.contains(teacher.id()))
				.toList();
		}
		List<UserSummary> staff = new ArrayList<>(this.accounts.withRole(RoleName.OPERATOR));
		staff.addAll(this.accounts.withRole(RoleName.ADMIN));
		return staff.stream().filter(UserSummary::active).toList();
	}

}
