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
 * One message of a thread: plain text, optionally with an attachment. {@code is_read}
 * keeps the original's meaning, "read by someone other than the sender"; each person's
 * own read state is their {@link ThreadReadPosition}.
 */
@Entity
@Table(name = "otosapp_message", uniqueConstraints = @UniqueConstraint(columnNames = { "sender_id", "submission_key" }))
public class Message {

	public static final int CONTENT_MAX = 5000;

	/** The longest key a form may carry to make its resubmission one message. */
	public static final int SUBMISSION_KEY_MAX = 64;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "thread_id", nullable = false)
	private long threadId;

	@Column(name = "sender_id", nullable = false)
	private long senderId;

	@Column(nullable = false, columnDefinition = "text")
	private String content;

	@Column(length = 100)
	private String attachment;

	@Column(name = "is_read", nullable = false)
	private boolean read;

	@Column(name = "is_edited", nullable = false)
	private boolean edited;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "submission_key", length = SUBMISSION_KEY_MAX)
	private String submissionKey;

	protected Message() {
	}

	Message(long threadId, long senderId, String content, String submissionKey, Instant now) {
		this.threadId = threadId;
		this.senderId = senderId;
		this.content = content;
		this.submissionKey = submissionKey;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void attach(String attachmentName) {
		this.attachment = attachmentName;
	}

	public Long getId() {
		return this.id;
	}

	public long getThreadId() {
		return this.threadId;
	}

	public long getSenderId() {
		return this.senderId;
	}

	public String getContent() {
		return this.content;
	}

	public String getAttachment() {
		return this.attachment;
	}

	public boolean isRead() {
		return this.read;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
