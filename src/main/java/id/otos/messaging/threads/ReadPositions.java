package id.otos.messaging.threads;

import java.sql.Timestamp;
import java.time.Instant;

import id.otos.messaging.threads.ThreadEvents.ThreadRead;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each person's read position per thread. Moving it is two statements that are safe under
 * concurrent page views (a row per person and thread, moved forward only), and marks the
 * messages as read by someone other than their sender ({@code is_read}).
 */
@Component
class ReadPositions {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ReadPositions(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Moves the person's read position in the thread forward to the message, if it is not
	 * there or further already, and tells the listeners of {@link ThreadRead} if it
	 * moved.
	 */
	void readUpTo(long threadId, long userId, long messageId, Instant at) {
		if (move(threadId, userId, messageId, at)) {
			this.events.publishEvent(new ThreadRead(threadId, userId, messageId));
		}
	}

	/**
	 * Moves the sender's read position past the message they just posted, telling nobody:
	 * the message's own {@link ThreadEvents.MessagePosted} already tells everyone whose
	 * count may change, the sender included. One statement when the sender has a position
	 * in the thread (a reply), which is behind their new message: moved at once.
	 */
	void readOwnMessage(long threadId, long userId, long messageId, Instant at) {
		Timestamp now = Timestamp.from(at);
		if (moveForward(threadId, userId, messageId, now) == 0) {
			move(threadId, userId, messageId, at);
		}
	}

	private boolean move(long threadId, long userId, long messageId, Instant at) {
		Timestamp now = Timestamp.from(at);
		int inserted = this.jdbc.sql("""
				insert into otos_thread_read (thread_id, user_id, last_read_message_id, read_at)
				values (:thread, :user, :message, :now)
				on conflict do nothing
				""")
			.param("thread", threadId)
			.param("user", userId)
			.param("message", messageId)
			.param("now", now)
			.update();
		return inserted + moveForward(threadId, userId, messageId, now) > 0;
	}

	private int moveForward(long threadId, long userId, long messageId, Timestamp now) {
		return this.jdbc.sql("""
				update otos_thread_read set last_read_message_id = :message, read_at = :now
				where thread_id = :thread and user_id = :user and last_read_message_id < :message
				""")
			.param("thread", threadId)
			.param("user", userId)
			.param("message", messageId)
			.param("now", now)
			.update();
	}

	/**
	 * Moves the person's read position in the thread's internal notes forward to the
	 * note, if it is not there or further already, and tells the listeners of
	 * {@link ThreadRead} (with message 0) if it moved.
	 */
	void readNotesUpTo(long threadId, long userId, long noteId, Instant at) {
		Timestamp now = Timestamp.from(at);
		int inserted = this.jdbc.sql("""
				insert into otos_thread_read (thread_id, user_id, last_read_message_id, last_read_note_id, read_at)
				values (:thread, :user, 0, :note, :now)
				on conflict do nothing
				""").param("thread", threadId).param("user", userId).param("note", noteId).param("now", now).update();
		int moved = this.jdbc.sql("""
				update otos_thread_read set last_read_note_id = :note, read_at = :now
				where thread_id = :thread and user_id = :user and last_read_note_id < :note
				""").param("thread", threadId).param("user", userId).param("note", noteId).param("now", now).update();
		if (inserted + moved > 0) {
			this.events.publishEvent(new ThreadRead(threadId, userId, 0));
		}
	}

	/** Keeps the original's {@code is_read}: read by someone other than the sender. */
	void markReadByOthers(long threadId, long readerId, long upToMessageId) {
		this.jdbc.sql("""
				update otosapp_message set is_read = true
				where thread_id = :thread and sender_id <> :reader and id <= :message and is_read = false
				""").param("thread", threadId).param("reader", readerId).param("message", upToMessageId).update();
	}

}
