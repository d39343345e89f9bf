package id.otos.messaging.threads;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import id.otos.messaging.attachments.AcceptedFile;
import id.otos.messaging.attachments.Attachments;
import id.otos.messaging.threads.ThreadEvents.MessagePosted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Adds a message to a thread, within the caller's transaction: the message, its
 * attachment, the thread's last activity, the sender's own read position, and the event.
 * A form submitted twice carries the same submission key and finds the message it already
 * made.
 */
@Component
class Posting {

	private final MessageRepository messages;

	private final ReadPositions reads;

	private final Attachments attachments;

	private final ApplicationEventPublisher events;

	Posting(MessageRepository messages, ReadPositions reads, Attachments attachments,
			ApplicationEventPublisher events) {
		this.messages = messages;
		this.reads = reads;
		this.attachments = attachments;
		this.events = events;
	}

	Message post(MessageThread thread, Viewer sender, String content, String submissionKey, AcceptedFile attachment,
			Instant now) {
		Message message = this.messages.saveAndFlush(
				new Message(thread.getId(), sender.userId(), content.strip(), blankToNull(submissionKey), now));
		if (attachment != null) {
			message.attach(this.attachments.store(message.getId(), attachment));
		}
		thread.messagePosted(message.getId(), sender.userId(), now);
		this.reads.readOwnMessage(thread.getId(), sender.userId(), message.getId(), now);
		this.events.publishEvent(new MessagePosted(thread.getId(), message.getId(), sender.userId(),
				thread.getStudentId(), countsTouched(thread, sender), thread.desksStayed()));
		return message;
	}

	/** The message an earlier submission of the same form made, if any. */
	Optional<Submitted> resubmitted(Viewer sender, String submissionKey) {
		if (submissionKey == null || submissionKey.isBlank()) {
			return Optional.empty();
		}
		return this.messages.findSubmitted(sender.userId(), submissionKey);
	}

	/**
	 * Whose counts the message may change: those of the desks that held the thread or
	 * hold it now, and the sender's, whose read position moved past their message without
	 * a read of its own being told (among the handlers: a node counts theirs again).
	 */
	private static DeskHolders countsTouched(MessageThread thread, Viewer sender) {
		DeskHolders desks = thread.desksTouched();
		return (sender.userId() == thread.getStudentId()) ? desks
				: desks.and(new DeskHolders(thread.getStudentId(), Set.of(sender.userId()), Set.of()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
