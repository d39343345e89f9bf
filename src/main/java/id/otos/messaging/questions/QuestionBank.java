package id.otos.messaging.questions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import id.otos.messaging.accounts.AccountHome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * otos's question bank ({@code otosapp_question}, {@code otosapp_choice}), read where
 * otos-messaging shares Django's database. Standalone schools have no questions: then
 * {@link #isPresent} is false and every look-up finds nothing.
 *
 * <p>
 * <strong>Which questions a student may see</strong> follows otos's own review page
 * ({@code test_results_detail}): a student sees the questions of the tests they took,
 * that is every question of a category of one of their tests
 * ({@code otosapp_test_categories}), of a category of the tryout package one of their
 * tests was taken in ({@code otosapp_tryoutpackagecategory}), or one they answered
 * ({@code otosapp_answer}). A question they never met in a test of their own is not
 * found, exactly like a question that does not exist. This is the one place the rule is
 * written.
 */
@Component
public class QuestionBank {

	private static final String STUDENT_MAY_SEE = """
			exists (select 1 from otosapp_test te
			        where te.student_id = :student
			          and (exists (select 1 from otosapp_test_categories tc
			                       where tc.test_id = te.id and tc.category_id = q.category_id)
			               or exists (select 1 from otosapp_tryoutpackagecategory pc
			                          where pc.package_id = te.tryout_package_id and pc.category_id = q.category_id)
			               or exists (select 1 from otosapp_answer a where a.test_id = te.id and a.question_id = q.id)))""";

	private static final int HISTORY = 20;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final AccountHome home;

	private volatile boolean tablesSeen;

	QuestionBank(JdbcClient jdbc, DataSource dataSource, AccountHome home) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.home = home;
	}

	/**
	 * Whether there are otos questions: on otos's database (adopted, beside Django) with
	 * its question table. Once seen, the table stays (Django never drops it).
	 */
	public boolean isPresent() {
		if (!this.home.isOtos()) {
			return false;
		}
		if (!this.tablesSeen) {
			this.tablesSeen = hasQuestionTable();
		}
		return this.tablesSeen;
	}

	/**
	 * The question, if the student may see it (see the class comment); a question that
	 * does not exist and one the student never met read the same: empty.
	 */
	@Transactional(readOnly = true)
	public Optional<Question> findForStudent(long questionId, long studentId) {
		if (!isPresent()) {
			return Optional.empty();
		}
		return read("q.id = :id and " + STUDENT_MAY_SEE, questionId, studentId);
	}

	/** The question as staff see it beside its reports. */
	@Transactional(readOnly = true)
	public Optional<Question> find(long questionId) {
		if (!isPresent()) {
			return Optional.empty();
		}
		return read("q.id = :id", questionId, null);
	}

	/**
	 * Writes the question's explanation ({@code otosapp_question.explanation}, the column
	 * otos shows on its review pages), sanitized, and keeps the change with the text it
	 * replaced. The same submission twice changes it once.
	 * @param questionId the question
	 * @param byUserId who changes it
	 * @param html the new explanation, as rich text
	 * @param submissionKey the form's key
	 * @param now when
	 * @return the change, or empty for a resubmission (or no such question)
	 */
	@Transactional
	public Optional<ExplanationChange> changeExplanation(long questionId, long byUserId, String html,
			String submissionKey, Instant now) {
		return write(questionId, byUserId, QuestionHtml.sanitize(html).strip(), submissionKey, now);
	}

	/**
	 * Puts back, exactly as it was, the explanation a change replaced (otos's own text,
	 * or one written here through the policy), as a change of its own. The same
	 * submission twice changes it once.
	 * @return the change, or empty for a resubmission (or no such change)
	 */
	@Transactional
	public Optional<ExplanationChange> restoreExplanation(long questionId, long changeId, long byUserId,
			String submissionKey, Instant now) {
		if (!isPresent()) {
			return Optional.empty();
		}
		Optional<String> before = this.jdbc.sql("""
				select coalesce(previous_explanation, '') from otos_question_explanation_audit
				where question_id = :question and id = :change
				""").param("question", questionId).param("change", changeId).query(String.class).optional();
		return before.flatMap((text) -> write(questionId, byUserId, text, submissionKey, now));
	}

	private Optional<ExplanationChange> write(long questionId, long byUserId, String next, String submissionKey,
			Instant now) {
		if (!isPresent()) {
			return Optional.empty();
		}
		Optional<String> current = this.jdbc
			.sql("select coalesce(explanation, '') from otosapp_question where id = :id for update")
			.param("id", questionId)
			.query(String.class)
			.optional();
		if (current.isEmpty()) {
			return Optional.empty();
		}
		String key = (submissionKey == null || submissionKey.isBlank()) ? null : submissionKey;
		if (key != null && this.jdbc.sql(
				"select count(*) from otos_question_explanation_audit where changed_by_id = :by and submission_key = :key")
			.param("by", byUserId)
			.param("key", key)
			.query(Long.class)
			.single() > 0) {
			return Optional.empty();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into otos_question_explanation_audit
				  (question_id, changed_by_id, previous_explanation, new_explanation, submission_key, changed_at)
				values (:question, :by, :previous, :next, :key, :now)
				""")
			.param("question", questionId)
			.param("by", byUserId)
			.param("previous", current.get().isEmpty() ? null : current.get())
			.param("next", next)
			.param("key", key)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		this.jdbc.sql("update otosapp_question set explanation = :next where id = :id")
			.param("next", next.isEmpty() ? null : next)
			.param("id", questionId)
			.update();
		return change(questionId, id);
	}

	/** The changes this application made to the question's explanation, newest first. */
	@Transactional(readOnly = true)
	public List<ExplanationChange> explanationHistory(long questionId) {
		if (!isPresent()) {
			return List.of();
		}
		return changes("a.question_id = :question", questionId, 0).stream().limit(HISTORY).toList();
	}

	/** One change to the question's explanation. */
	@Transactional(readOnly = true)
	public Optional<ExplanationChange> change(long questionId, long changeId) {
		if (!isPresent()) {
			return Optional.empty();
		}
		return changes("a.question_id = :question and a.id = :change", questionId, changeId).stream().findFirst();
	}

	private List<ExplanationChange> changes(String condition, long questionId, long changeId) {
		return this.jdbc.sql("""
				select a.id, a.question_id, u.first_name, u.last_name, u.email, a.previous_explanation,
				       a.new_explanation, a.changed_at
				from otos_question_explanation_audit a left join otosapp_user u on u.id = a.changed_by_id
				where %s
				order by a.id desc
				fetch first %d rows only
				""".formatted(condition, HISTORY))
			.param("question", questionId)
			.param("change", changeId)
			.query((row, number) -> new ExplanationChange(row.getLong(1), row.getLong(2),
					name(row.getString(3), row.getString(4), row.getString(5)), QuestionHtml.sanitize(row.getString(6)),
					QuestionHtml.sanitize(row.getString(7)), row.getObject(8, OffsetDateTime.class).toInstant()))
			.list();
	}

	private static String name(String first, String last, String email) {
		String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
		return name.isEmpty() ? (email == null ? "" : email) : name;
	}

	private Optional<Question> read(String condition, long questionId, Long studentId) {
		JdbcClient.StatementSpec statement = this.jdbc.sql("""
				select q.id, q.category_id, c.category_name, q.question_text, q.explanation
				from otosapp_question q join otosapp_category c on c.id = q.category_id
				where %s
				""".formatted(condition)).param("id", questionId);
		if (studentId != null) {
			statement = statement.param("student", studentId);
		}
		return statement
			.query((row, number) -> new QuestionRow(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
					row.getString(5)))
			.optional()
			.map((row) -> new Question(row.id(), row.categoryId(), row.categoryName(),
					QuestionHtml.sanitize(row.text()), choicesOf(row.id()), QuestionHtml.sanitize(row.explanation())));
	}

	private List<String> choicesOf(long questionId) {
		return this.jdbc.sql("select choice_text from otosapp_choice where question_id = :id order by id")
			.param("id", questionId)
			.query(String.class)
			.list()
			.stream()
			.map(QuestionHtml::sanitize)
			.toList();
	}

	private boolean hasQuestionTable() {
		try (Connection connection = this.dataSource.getConnection();
				ResultSet tables = connection.getMetaData()
					.getTables(null, connection.getSchema(), "otosapp_question", new String[] { "TABLE" })) {
			if (tables.next()) {
				return true;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell whether otos's questions are here: " + ex.getMessage(), ex);
		}
		return false;
	}

	private record QuestionRow(long id, long categoryId, String categoryName, String text, String explanation) {
	}

}
