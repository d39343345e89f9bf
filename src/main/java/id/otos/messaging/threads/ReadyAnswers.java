package id.otos.messaging.threads;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ready answers: replies that those who answer threads keep to insert into a reply box.
 * Personal ones are their owner's alone; shared ones every handler may use, and operators
 * and admins manage them ({@link ThreadAccess#usesReadyAnswers},
 * {@link ThreadAccess#managesSharedAnswers}). Someone else's personal answer is "not
 * found". Inserted into a thread's reply box, an answer's placeholders are filled in for
 * that thread ({@link #PLACEHOLDERS}); the text is then the replier's to change before
 * sending, and is sent (and escaped) like any reply.
 */
@Service
public class ReadyAnswers {

	/**
	 * The placeholders an answer may hold, each in Indonesian and in English: the
	 * student's first name, the thread's title, and the name of the person who replies.
	 */
	public static final List<String> PLACEHOLDERS = List.of("{nama_siswa}", "{student_first_name}", "{judul}",
			"{thread_title}", "{nama_penjawab}", "{handler_name}");

	/** The longest title. */
	public static final int TITLE_MAX = ReadyAnswer.TITLE_MAX;

	/** The longest text: that of a message. */
	public static final int CONTENT_MAX = Message.CONTENT_MAX;

	private final ReadyAnswerRepository answers;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReadyAnswers(ReadyAnswerRepository answers, JdbcClient jdbc, Clock clock) {
		this.answers = answers;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The viewer's own ready answers and the shared ones, shared first. */
	@Transactional(readOnly = true)
	public List<ReadyAnswerView> list(Viewer viewer) {
		requireUser(viewer);
		return this.answers.usableBy(viewer.userId())
			.stream()
			.map((answer) -> new ReadyAnswerView(answer.getId(), answer.getTitle(), answer.getContent(),
					answer.isShared(), mayChange(viewer, answer)))
			.toList();
	}

	/** One answer the viewer may change, for its edit form. */
	@Transactional(readOnly = true)
	public ReadyAnswerView editable(Viewer viewer, long id) {
		ReadyAnswer answer = changeable(viewer, id);
		return new ReadyAnswerView(answer.getId(), answer.getTitle(), answer.getContent(), answer.isShared(), true);
	}

	/**
	 * Adds an answer (shared: operators and admins only), or changes one the viewer may
	 * change ({@code id} not null; whether it is shared stays as it was).
	 * @return the answer's id
	 */
	@Transactional
	public long save(Viewer viewer, Long id, String title, String content, boolean shared) {
		requireUser(viewer);
		if (id != null) {
			ReadyAnswer answer = changeable(viewer, id);
			answer.change(title.strip(), content.strip(), this.clock.instant());
			return answer.getId();
		}
		if (shared && !ThreadAccess.managesSharedAnswers(viewer)) {
			throw new ThreadForbiddenException("share a ready answer");
		}
		ReadyAnswer answer = new ReadyAnswer(shared ? null : viewer.userId(), title.strip(), content.strip(),
				this.clock.instant());
		return this.answers.save(answer).getId();
	}

	@Transactional
	public void delete(Viewer viewer, long id) {
		this.answers.delete(changeable(viewer, id));
	}

	/**
	 * The answers the viewer may insert into the thread's reply box, filled in for it:
	 * none if they do not use ready answers or may not reply.
	 */
	@Transactional(readOnly = true)
	public List<ReadyAnswerChoice> choicesFor(Viewer viewer, ThreadView thread) {
		if (!ThreadAccess.usesReadyAnswers(viewer) || !thread.allowed().contains(ThreadAction.REPLY)) {
			return List.of();
		}
		List<ReadyAnswer> usable = this.answers.usableBy(viewer.userId());
		if (usable.isEmpty()) {
			return List.of();
		}
		Names names = names(thread.studentId(), viewer.userId());
		return usable.stream()
			.map((answer) -> new ReadyAnswerChoice(answer.getId(), answer.getTitle(),
					fill(answer.getContent(), names.student(), thread.title(), names.replier()), answer.isShared()))
			.toList();
	}

	/** One of {@link #choicesFor}, if the viewer may insert it there. */
	@Transactional(readOnly = true)
	public Optional<ReadyAnswerChoice> choice(Viewer viewer, ThreadView thread, long id) {
		return choicesFor(viewer, thread).stream().filter((choice) -> choice.id() == id).findFirst();
	}

	/** The text with its placeholders filled in (a missing value becomes empty). */
	static String fill(String text, String studentFirstName, String threadTitle, String replierName) {
		String student = (studentFirstName != null) ? studentFirstName : "";
		String title = (threadTitle != null) ? threadTitle : "";
		String replier = (replierName != null) ? replierName : "";
		return text.replace("{nama_siswa}", student)
			.replace("{student_first_name}", student)
			.replace("{judul}", title)
			.replace("{thread_title}", title)
			.replace("{nama_penjawab}", replier)
			.replace("{handler_name}", replier);
	}

	private ReadyAnswer changeable(Viewer viewer, long id) {
		requireUser(viewer);
		ReadyAnswer answer = this.answers.findById(id)
			.filter((found) -> found.isShared() || found.getOwnerId() == viewer.userId())
			.orElseThrow(() -> new ReadyAnswerNotFoundException(id));
		if (!mayChange(viewer, answer)) {
			throw new ThreadForbiddenException("change a shared ready answer");
		}
		return answer;
	}

	private static boolean mayChange(Viewer viewer, ReadyAnswer answer) {
		return answer.isShared() ? ThreadAccess.managesSharedAnswers(viewer) : answer.getOwnerId() == viewer.userId();
	}

	private static void requireUser(Viewer viewer) {
		if (!ThreadAccess.usesReadyAnswers(viewer)) {
			throw new ThreadForbiddenException("ready answers");
		}
	}

	private Names names(long studentId, long replierId) {
		return this.jdbc
			.sql("""
					select (select coalesce(nullif(trim(first_name), ''), trim(first_name || ' ' || last_name))
					        from otosapp_user where id = :student) as student_name,
					       (select trim(first_name || ' ' || last_name) from otosapp_user where id = :replier) as replier_name
					""")
			.param("student", studentId)
			.param("replier", replierId)
			.query((rs, n) -> new Names(rs.getString("student_name"), rs.getString("replier_name")))
			.single();
	}

	private record Names(String student, String replier) {

	}

}
