package id.otos.messaging.threads;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * One status, assignment or priority change of a thread: who, when, from, to.
 */
@Entity
@Table(name = "otos_thread_audit")
class ThreadAuditEntry {

	/** The longest note an assignment may carry. */
	static final int NOTE_MAX = 500;

	enum Kind {

		STATUS, ASSIGNMENT, PRIORITY,

		/** Routing's first decision: to the handler, with the reason's code as note. */
		ROUTED,

		/**
		 * Back through routing: from the handler who left to the new one, with the
		 * reason.
		 */
		REROUTED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "thread_id", nullable = false)
	@OnDelete(action = OnDeleteAction.CASCADE)
	private MessageThread thread;

	@Column(name = "actor_id")
	private Long actorId;

	@Column(nullable = false, length = 30)
	private String action;

	@Column(name = "from_value", length = 100)
	private String fromValue;

	@Column(name = "to_value", length = 100)
	private String toValue;

	@Column(length = NOTE_MAX)
	private String note;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected ThreadAuditEntry() {
	}

	ThreadAuditEntry(MessageThread thread, Long actorId, Kind kind, String fromValue, String toValue, String note,
			Instant at) {
		this.thread = thread;
		this.actorId = actorId;
		this.action = kind.name().toLowerCase();
		this.fromValue = fromValue;
		this.toValue = toValue;
		this.note = note;
		this.createdAt = at;
	}

	Long getActorId() {
		return this.actorId;
	}

	String getAction() {
		return this.action;
	}

	String getFromValue() {
		return this.fromValue;
	}

	String getToValue() {
		return this.toValue;
	}

	String getNote() {
		return this.note;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
