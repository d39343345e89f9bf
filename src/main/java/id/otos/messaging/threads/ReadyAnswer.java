package id.otos.messaging.threads;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A ready answer: a reply that staff keep to insert into the reply box, personal (its
 * owner's) or shared (no owner: every handler may use it, operators and admins manage
 * it). Its text may hold placeholders ({@link ReadyAnswers#PLACEHOLDERS}).
 */
@Entity
@Table(name = "otos_ready_answer")
class ReadyAnswer {

	static final int TITLE_MAX = 100;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(nullable = false, length = TITLE_MAX)
	private String title;

	@Column(nullable = false, columnDefinition = "text")
	private String content;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected ReadyAnswer() {
	}

	ReadyAnswer(Long ownerId, String title, String content, Instant now) {
		this.ownerId = ownerId;
		this.title = title;
		this.content = content;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void change(String title, String content, Instant now) {
		this.title = title;
		this.content = content;
		this.updatedAt = now;
	}

	Long getId() {
		return this.id;
	}

	Long getOwnerId() {
		return this.ownerId;
	}

	boolean isShared() {
		return this.ownerId == null;
	}

	String getTitle() {
		return this.title;
	}

	String getContent() {
		return this.content;
	}

}
