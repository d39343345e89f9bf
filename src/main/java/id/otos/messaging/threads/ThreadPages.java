package id.otos.messaging.threads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.attachments.Attachments;
import id.otos.messaging.attachments.StoredFile;
import id.otos.messaging.threads.ThreadView.AuditView;
import id.otos.messaging.threads.ThreadView.MessageView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a thread: its page for one viewer, and moving that viewer's read position (only
 * theirs) to the last message shown.
 */
@Service
public class ThreadPages {

	private final MessageThreadRepository threads;

	private final MessageRepository messages;

	private final ReadPositions reads;

	private final Attachments attachments;

	private final JdbcClient jdbc;

	private final Clock clock;

	ThreadPages(MessageThreadRepository threads, MessageRepository messages, ReadPositions reads,
			Attachments attachments, JdbcClient jdbc, Clock clock) {
		this.threads = threads;
		this.messages = messages;
		this.reads = reads;
		this.attachments = attachments;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public ThreadView read(Viewer viewer, long threadId) {
		return readAfter(viewer, threadId, 0);
	}

	/**
	 * The thread as {@link #read(Viewer, long)} shows it, with only the messages after
	 * the given one: what a page that already shows the messages up to it lacks. The
	 * viewer's read position moves to the last message returned, as a page view would.
	 */
	@Transactional
	public ThreadView readAfter(Viewer viewer, long threadId, long afterMessageId) {
		return view(viewer, threadId, afterMessageId, true);
	}

	/**
	 * The thread page as {@link #read(Viewer, long)} shows it, without moving anyone's
	 * read position: for showing the page again with a refused form, which changes
	 * nothing.
	 */
	@Transactional(readOnly = true)
	public ThreadView look(Viewer viewer, long threadId) {
		return view(viewer, threadId, 0, false);
	}

	private ThreadView view(Viewer viewer, long threadId, long afterMessageId, boolean moveReadPosition) {
		MessageThread thread = openable(viewer, threadId);
		List<MessageView> messages = new ArrayList<>();
		long readUpTo = messages(viewer, threadId, afterMessageId, messages);
		if (moveReadPosition && !messages.isEmpty() && messages.get(messages.size() - 1).id() > readUpTo) {
			long last = messages.get(messages.size() - 1).id();
			this.reads.readUpTo(threadId, viewer.userId(), last, this.clock.instant());
			this.reads.markReadByOthers(threadId, viewer.userId(), last);
		}
		Set<ThreadAction> allowed = EnumSet.noneOf(ThreadAction.class);
		for (ThreadAction action : ThreadAction.values()) {
			if (ThreadAccess.allows(viewer, thread, action) && thread.permits(action)) {
				allowed.add(action);
			}
		}
		List<AuditView> audit = allowed.contains(ThreadAction.VIEW_AUDIT) ? audit(threadId) : List.of();
		Names names = names(thread);
		return new ThreadView(thread.getId(), thread.getTitle(), thread.getType(), thread.getStatus(),
				thread.getPriority(), thread.getCategoryId(), names.category(), thread.getStudentId(), names.student(),
				thread.getHandlerId(), names.handler(), thread.getCreatedAt(), thread.getCloseRequestedAt(),
				thread.getClosedAt(), thread.getReopenedAt(), messages, audit, allowed);
	}

	/**
	 * The thread as it is now, whoever asks: for deciding who may be told that it
	 * changed.
	 */
	@Transactional(readOnly = true)
	public Optional<MessageThread> find(long threadId) {
		return this.threads.findById(threadId);
	}

	/** The thread, if the viewer may open it; otherwise "not found". */
	@Transactional(readOnly = true)
	public MessageThread openable(Viewer viewer, long threadId) {
		return this.threads.findById(threadId)
			.filter((thread) -> ThreadAccess.mayOpen(viewer, thread))
			.orElseThrow(() -> new ThreadNotFoundException(threadId));
	}

	/**
	 * A message's attachment, for someone who may open its thread; otherwise "not found".
	 */
	@Transactional(readOnly = true)
	public StoredFile attachment(Viewer viewer, long threadId, long messageId) {
		openable(viewer, threadId);
		return this.messages.findById(messageId)
			.filter((message) -> message.getThreadId() == threadId)
			.flatMap((message) -> this.attachments.load(messageId))
			.orElseThrow(() -> new ThreadNotFoundException(threadId));
	}

	/**
	 * Adds the thread's messages after the given one to {@code messages}, oldest first.
	 * @return how far the viewer had read the thread before (0 if not at all)
	 */
	private long messages(Viewer viewer, long threadId, long afterMessageId, List<MessageView> messages) {
		long[] readUpTo = { 0 };
		this.jdbc
			.sql("""
					select m.id, m.sender_id, m.content, m.created_at,
					       trim(u.first_name || ' ' || u.last_name) as sender_name, nullif(u.profile_picture, '') as profile_picture, r.role_name,
					       a.file_name, a.content_type,
					       (select p.last_read_message_id from otos_thread_read p
					        where p.thread_id = :thread and p.user_id = :me) as read_up_to
					from otosapp_message m
					join otosapp_user u on u.id = m.sender_id
					left join otosapp_role r on r.id = u.role_id
					left join otos_message_attachment a on a.message_id = m.id
					where m.thread_id = :thread and m.id > :after
					order by m.id
					""")
			.param("thread", threadId)
			.param("after", afterMessageId)
			.param("me", viewer.userId())
			.query((rs) -> {
				readUpTo[0] = rs.getLong("read_up_to");
				messages.add(message(rs, viewer));
			});
		return readUpTo[0];
	}

	/**
	 * The audit log with names for the people its assignments and routings name: two
	 * statements, however long it is.
	 */
	private List<AuditView> audit(long threadId) {
		List<AuditView> stored = this.jdbc.sql("""
				select trim(u.first_name || ' ' || u.last_name) as actor_name, a.action, a.from_value, a.to_value,
				       a.note, a.created_at
				from otos_thread_audit a
				left join otosapp_user u on u.id = a.actor_id
				where a.thread_id = :thread
				order by a.id
				""")
			.param("thread", threadId)
			.query((rs, n) -> new AuditView(rs.getString("actor_name"), rs.getString("action"),
					rs.getString("from_value"), rs.getString("to_value"), rs.getString("note"),
					instant(rs, "created_at"), null, null))
			.list();
		Set<Long> ids = new HashSet<>();
		stored.stream().filter(AuditView::isAboutPeople).forEach((entry) -> {
			personId(entry.fromValue()).ifPresent(ids::add);
			personId(entry.toValue()).ifPresent(ids::add);
		});
		if (ids.isEmpty()) {
			return stored;
		}
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql(
				"select id, trim(first_name || ' ' || last_name) as name, username from otosapp_user where id in (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				String name = rs.getString("name");
				names.put(rs.getLong("id"), (name == null || name.isEmpty()) ? rs.getString("username") : name);
			});
		return stored.stream()
			.map((entry) -> entry.isAboutPeople() ? new AuditView(entry.actorName(), entry.action(), entry.fromValue(),
					entry.toValue(), entry.note(), entry.at(), personId(entry.fromValue()).map(names::get).orElse(null),
					personId(entry.toValue()).map(names::get).orElse(null)) : entry)
			.toList();
	}

	private static Optional<Long> personId(String value) {
		try {
			return Optional.ofNullable(value).map(Long::valueOf);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private Names names(MessageThread thread) {
		return this.jdbc
			.sql("""
					select (select category_name from otosapp_category where id = :category) as category_name,
					       (select trim(first_name || ' ' || last_name) from otosapp_user where id = :student) as student_name,
					       (select trim(first_name || ' ' || last_name) from otosapp_user where id = :handler) as handler_name
					""")
			.param("category", thread.getCategoryId())
			.param("student", thread.getStudentId())
			.param("handler", thread.getHandlerId())
			.query((rs, n) -> new Names(rs.getString("category_name"), rs.getString("student_name"),
					rs.getString("handler_name")))
			.single();
	}

	private static MessageView message(ResultSet rs, Viewer viewer) throws SQLException {
		long senderId = rs.getLong("sender_id");
		String contentType = rs.getString("content_type");
		String role = rs.getString("role_name");
		String roleKey = (role != null) ? RoleName.fromStoredName(role).messageKey() : RoleName.VISITOR.messageKey();
		long id = rs.getLong("id");
		boolean mine = senderId == viewer.userId();
		return new MessageView(id, senderId, rs.getString("sender_name"), roleKey, rs.getString("profile_picture"),
				rs.getString("content"), rs.getString("file_name"),
				contentType != null && contentType.startsWith("image/"), instant(rs, "created_at"), mine,
				!mine && id > rs.getLong("read_up_to"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Names(String category, String student, String handler) {

	}

}
