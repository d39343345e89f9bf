package id.otos.messaging.threads;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * How far one person has read one thread: every message up to
 * {@code last_read_message_id}, and (staff) every internal note up to
 * {@code last_read_note_id}. Reading a thread moves only the reader's position. Written
 * by {@link ReadPositions} with one statement that only moves it forward; mapped here so
 * the schema is validated.
 */
@Entity
@Table(name = "otos_thread_read", uniqueConstraints = @UniqueConstraint(columnNames = { "thread_id", "user_id" }))
class ThreadReadPosition {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "thread_id", nullable = false)
	private long threadId;

	@Column(name = "user_id", nullable = false)
	private long userId;

	@Column(name = "last_read_message_id", nullable = false)
	private long lastReadMessageId;

	@Column(name = "last_read_note_id", nullable = false)
	private long lastReadNoteId;

	@Column(name = "read_at", nullable = false)
	private Instant readAt;

	protected ThreadReadPosition() {
	}

	ThreadReadPosition(long threadId, long userId, long lastReadMessageId, Instant at) {
		this.threadId = threadId;
		this.userId = userId;
		this.lastReadMessageId = lastReadMessageId;
		this.readAt = at;
	}

}
