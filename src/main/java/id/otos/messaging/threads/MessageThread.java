package id.otos.messaging.threads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import id.otos.messaging.threads.CodedConverters.PriorityConverter;
import id.otos.messaging.threads.CodedConverters.ThreadStatusConverter;
import id.otos.messaging.threads.CodedConverters.ThreadTypeConverter;
import id.otos.messaging.text.OneLine;
import id.otos.messaging.threads.ThreadAuditEntry.Kind;

/**
 * A conversation between one student and the people who answer them. Its status workflow
 * lives here: every change is guarded, stamped, and written to the audit log. People are
 * referred to by user id. Its title is one line ({@link OneLine}), whoever opens it.
 */
@Entity
@Table(name = "otosapp_messagethread")
public class MessageThread {

	public static final int TITLE_MAX = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = TITLE_MAX)
	private String title;

	@Convert(converter = ThreadTypeConverter.class)
	@Column(name = "thread_type", nullable = false, length = 20)
	private ThreadType type;

	@Convert(converter = ThreadStatusConverter.class)
	@Column(nullable = false, length = 20)
	private ThreadStatus status;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "last_activity", nullable = false)
	private Instant lastActivity;

	@Convert(converter = PriorityConverter.class)
	@Column(nullable = false, length = 10)
	private Priority priority;

	@Column(name = "category_id")
	private Long categoryId;

	@Column(name = "student_id", nullable = false)
	private long studentId;

	@Column(name = "teacher_or_admin_id")
	private Long handlerId;

	@Column(name = "created_by_id")
	private Long createdById;

	@Column(name = "close_requested_by_id")
	private Long closeRequestedById;

	@Column(name = "close_requested_at")
	private Instant closeRequestedAt;

	@Column(name = "closed_by_id")
	private Long closedById;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "reopened_by_id")
	private Long reopenedById;

	@Column(name = "reopened_at")
	private Instant reopenedAt;

	@Column(name = "last_message_id")
	private Long lastMessageId;

	@Column(name = "first_response_at")
	private Instant firstResponseAt;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "awaiting_reply_since")
	private Instant awaitingReplySince;

	@Column(name = "question_id")
	private Long questionId;

	@Version
	@Column(nullable = false)
	private long version;

	@OneToMany(mappedBy = "thread", cascade = CascadeType.PERSIST)
	private List<ThreadAuditEntry> audit = new ArrayList<>();

	/** Whose desks held the thread when it was read (null for a new thread). */
	@Transient
	private DeskHolders desksWhenRead;

	protected MessageThread() {
	}

	MessageThread(String title, ThreadType type, Priority priority, Long categoryId, long studentId, Long handlerId,
			long createdById, Instant now) {
		if (type.isAcademic() && categoryId == null) {
			throw new ThreadRuleException("thread.error.category-required");
		}
		this.title = OneLine.of(Objects.requireNonNull(title));
		if (this.title.isEmpty()) {
			throw new ThreadRuleException("thread.error.title-required");
		}
		this.type = type;
		this.priority = priority;
		this.categoryId = categoryId;
		this.studentId = studentId;
		this.handlerId = handlerId;
		this.createdById = createdById;
		this.status = ThreadStatus.OPEN;
		this.createdAt = now;
		this.updatedAt = now;
		this.lastActivity = now;
	}

	/**
	 * A new message was posted: it is now the last one, and the thread is active. A
	 * message from the student starts their wait for an answer (if they were not waiting
	 * already); one from anyone else ends it, and the first such message in a thread the
	 * student opened is its first response.
	 */
	void messagePosted(long messageId, long senderId, Instant at) {
		this.lastMessageId = messageId;
		this.lastActivity = at;
		this.updatedAt = at;
		if (senderId == this.studentId) {
			if (this.awaitingReplySince == null) {
				this.awaitingReplySince = at;
			}
		}
		else {
			this.awaitingReplySince = null;
			if (this.firstResponseAt == null && openedByStudent()) {
				this.firstResponseAt = at;
			}
		}
	}

	@PostLoad
	void read() {
		this.desksWhenRead = ThreadAccess.deskHolders(this);
	}

	/**
	 * The desks that held the thread when it was read or hold it now: whose unread counts
	 * a change made since may concern (a reply may have assigned or reopened it).
	 * @return the holders before and after
	 */
	DeskHolders desksTouched() {
		DeskHolders now = ThreadAccess.deskHolders(this);
		return (this.desksWhenRead != null) ? this.desksWhenRead.and(now) : now;
	}

	/**
	 * Whether the desks that hold the thread now are those that held it when it was read
	 * (a thread made in this transaction was on no desk before: its first message is new
	 * to every desk that holds it).
	 * @return whether it stayed where it was
	 */
	boolean desksStayed() {
		return this.desksWhenRead == null || this.desksWhenRead.equals(ThreadAccess.deskHolders(this));
	}

	private boolean openedByStudent() {
		return this.createdById == null || this.createdById == this.studentId;
	}

	/**
	 * What a reply does to the workflow: a reply to a closed thread reopens it, and so
	 * does the student's reply to a resolved thread or to a close request; the first
	 * handler to answer an unassigned thread takes it.
	 */
	void replied(Viewer by, Instant at) {
		if (this.status == ThreadStatus.CLOSED) {
			reopen(by.userId(), at);
		}
		else if (by.userId() == this.studentId
				&& (this.status == ThreadStatus.RESOLVED || this.status == ThreadStatus.PENDING)) {
			reopen(by.userId(), at);
		}
		if (!isAssigned() && by.isHandler()) {
			assign(by.userId(), by.userId(), "first reply", at);
		}
	}

	void assign(Long newHandlerId, long by, String note, Instant at) {
		if (Objects.equals(this.handlerId, newHandlerId)) {
			throw new ThreadRuleException("thread.error.already-assigned");
		}
		record(by, Kind.ASSIGNMENT, idText(this.handlerId), idText(newHandlerId), note, at);
		this.handlerId = newHandlerId;
	}

	/**
	 * Routing's first decision, recorded when the thread is opened: who it went to and
	 * why.
	 * @param decision where routing sent it
	 * @param by who opened the thread
	 * @param at when
	 */
	void routed(RoutingDecision decision, long by, Instant at) {
		record(by, Kind.ROUTED, null, idText(decision.handlerId()), decision.reason().code(), at);
		this.handlerId = decision.handlerId();
	}

	/**
	 * The thread goes back through routing: its handler left (deactivated, another role,
	 * no longer teaching its category), or it waited in the queue of a category that no
	 * active teacher teaches any more.
	 * @param decision where routing sends it now
	 * @param at when
	 * @return whether it moved
	 */
	boolean rerouted(RoutingDecision decision, Instant at) {
		if (Objects.equals(this.handlerId, decision.handlerId())) {
			return false;
		}
		record(null, Kind.REROUTED, idText(this.handlerId), idText(decision.handlerId()), decision.reason().code(), at);
		this.handlerId = decision.handlerId();
		return true;
	}

	/**
	 * The handler takes the unassigned thread themselves. One that someone else took
	 * first (two handlers clicked at once, or the page was old) is refused.
	 */
	void claim(long by, Instant at) {
		requireStatus(permits(ThreadAction.CLAIM), "thread.error.already-claimed");
		assign(by, by, "claimed", at);
	}

	/**
	 * Whether the workflow allows the move now, whoever asks ({@link ThreadAccess} says
	 * who may): what the thread page offers, and what the moves themselves check.
	 * @param action the move
	 * @return whether the thread's state allows it
	 */
	public boolean permits(ThreadAction action) {
		return switch (action) {
			case CLAIM -> !isAssigned();
			case REQUEST_CLOSE -> this.status == ThreadStatus.OPEN || this.status == ThreadStatus.RESOLVED;
			case RESOLVE -> this.status == ThreadStatus.OPEN || this.status == ThreadStatus.PENDING;
			case CLOSE, HAND_OFF -> this.status != ThreadStatus.CLOSED;
			default -> true;
		};
	}

	/**
	 * The teacher who holds the thread hands it to a colleague, with an optional note to
	 * them (shown in the history, which staff and the new handler see).
	 */
	void handOff(long from, long to, String note, Instant at) {
		requireStatus(permits(ThreadAction.HAND_OFF), "thread.error.handoff-closed");
		requireStatus(isAssignedTo(from), "thread.error.handoff-not-yours");
		requireStatus(from != to, "thread.error.already-assigned");
		assign(to, from, note, at);
	}

	void changePriority(Priority newPriority, long by, Instant at) {
		if (this.priority == newPriority) {
			throw new ThreadRuleException("thread.error.same-priority");
		}
		record(by, Kind.PRIORITY, this.priority.code(), newPriority.code(), null, at);
		this.priority = newPriority;
	}

	/** A teacher asks for the thread to be closed; an admin or the student closes it. */
	void requestClose(long by, Instant at) {
		requireStatus(permits(ThreadAction.REQUEST_CLOSE), "thread.error.cannot-request-close");
		this.closeRequestedById = by;
		this.closeRequestedAt = at;
		moveTo(ThreadStatus.PENDING, by, "close requested", at);
	}

	void resolve(long by, Instant at) {
		requireStatus(permits(ThreadAction.RESOLVE), "thread.error.cannot-resolve");
		moveTo(ThreadStatus.RESOLVED, by, null, at);
	}

	void close(long by, Instant at) {
		requireStatus(permits(ThreadAction.CLOSE), "thread.error.already-closed");
		this.closedById = by;
		this.closedAt = at;
		moveTo(ThreadStatus.CLOSED, by, null, at);
	}

	void reopen(long by, Instant at) {
		requireStatus(this.status != ThreadStatus.OPEN, "thread.error.already-open");
		this.reopenedById = by;
		this.reopenedAt = at;
		this.closeRequestedById = null;
		this.closeRequestedAt = null;
		moveTo(ThreadStatus.OPEN, by, null, at);
	}

	/**
	 * An operator or admin sets any status; the same bookkeeping as the specific moves.
	 */
	void changeStatus(ThreadStatus target, long by, Instant at) {
		switch (target) {
			case OPEN -> reopen(by, at);
			case PENDING -> {
				requireStatus(this.status != ThreadStatus.PENDING, "thread.error.same-status");
				moveTo(ThreadStatus.PENDING, by, null, at);
			}
			case RESOLVED -> {
				requireStatus(this.status != ThreadStatus.RESOLVED, "thread.error.same-status");
				moveTo(ThreadStatus.RESOLVED, by, null, at);
			}
			case CLOSED -> close(by, at);
		}
	}

	private void moveTo(ThreadStatus target, long by, String note, Instant at) {
		record(by, Kind.STATUS, this.status.code(), target.code(), note, at);
		boolean done = target == ThreadStatus.RESOLVED || target == ThreadStatus.CLOSED;
		if (done && !isDone()) {
			this.resolvedAt = at;
			this.awaitingReplySince = null;
		}
		else if (!done) {
			this.resolvedAt = null;
		}
		this.status = target;
	}

	private boolean isDone() {
		return this.status == ThreadStatus.RESOLVED || this.status == ThreadStatus.CLOSED;
	}

	private void record(Long by, Kind kind, String from, String to, String note, Instant at) {
		this.audit.add(new ThreadAuditEntry(this, by, kind, from, to, note, at));
		this.updatedAt = at;
	}

	private static void requireStatus(boolean allowed, String messageKey) {
		if (!allowed) {
			throw new ThreadRuleException(messageKey);
		}
	}

	private static String idText(Long id) {
		return (id != null) ? id.toString() : null;
	}

	public boolean isAssigned() {
		return this.handlerId != null;
	}

	public boolean isAssignedTo(long userId) {
		return this.handlerId != null && this.handlerId == userId;
	}

	public boolean hasPendingCloseRequest() {
		return this.status == ThreadStatus.PENDING && this.closeRequestedAt != null;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public ThreadType getType() {
		return this.type;
	}

	public ThreadStatus getStatus() {
		return this.status;
	}

	public Priority getPriority() {
		return this.priority;
	}

	/** The otos question a student's report is about, or {@code null}. */
	public Long getQuestionId() {
		return this.questionId;
	}

	/**
	 * Whether the thread is about the subject matter of a category, and so belongs to the
	 * category's teachers: an academic question, or a report about one of otos's
	 * questions (which carries the question's category).
	 */
	public boolean isSubjectMatter() {
		return this.type.isAcademic() || this.questionId != null;
	}

	/**
	 * Makes a new report about an otos question of its category: set once, when the
	 * student opens it.
	 */
	void aboutQuestion(long questionId) {
		if (this.type != ThreadType.REPORT || this.categoryId == null || this.id != null) {
			throw new IllegalStateException("Only a new report with the question's category is about a question");
		}
		this.questionId = questionId;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public long getStudentId() {
		return this.studentId;
	}

	public Long getHandlerId() {
		return this.handlerId;
	}

	public Long getCreatedById() {
		return this.createdById;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getLastActivity() {
		return this.lastActivity;
	}

	public Long getCloseRequestedById() {
		return this.closeRequestedById;
	}

	public Instant getCloseRequestedAt() {
		return this.closeRequestedAt;
	}

	public Long getClosedById() {
		return this.closedById;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public Long getReopenedById() {
		return this.reopenedById;
	}

	public Instant getReopenedAt() {
		return this.reopenedAt;
	}

	public Long getLastMessageId() {
		return this.lastMessageId;
	}

	/**
	 * When someone other than the student first answered, in a thread the student opened.
	 */
	public Instant getFirstResponseAt() {
		return this.firstResponseAt;
	}

	/**
	 * When the thread last became resolved or closed; null while it is open or pending.
	 */
	public Instant getResolvedAt() {
		return this.resolvedAt;
	}

	/** Since when the student has been waiting for an answer, or null. */
	public Instant getAwaitingReplySince() {
		return this.awaitingReplySince;
	}

	List<ThreadAuditEntry> auditEntries() {
		return List.copyOf(this.audit);
	}

}
