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
 * A note that staff write in a thread for each other: plain text, never shown to the
 * student. Stored in a table of its own ({@code otos_thread_note}), not among the
 * thread's messages: an adopted otos database shares {@code otosapp_message} with Django,
 * which would show the student every row of it.
 */
@Entity
@Table(name = "otos_thread_note",
		uniqueConstraints = @UniqueConstraint(columnNames = { "author_id", "submission_key" }))
class InternalNote {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "thread_id", nullable = false)
	private long threadId;

	@Column(name = "author_id")
	private Long authorId;

	@Column(nullable = false, columnDefinition = "text")
	private String content;

	@Column(name = "submission_key", length = Message.SUBMISSION_KEY_MAX)
	private String submissionKey;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected InternalNote() {
	}

	InternalNote(long threadId, long authorId, String content, String submissionKey, Instant now) {
		this.threadId = threadId;
		this.authorId = authorId;
		this.content = content;
		this.submissionKey = submissionKey;
		this.createdAt = now;
	}

	Long getId() {
		return this.id;
	}

	long getThreadId() {
		return this.threadId;
	}

}
