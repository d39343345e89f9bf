package id.otos.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * otos's question bank from the real otos fixture ({@link OtosFixture}: three questions,
 * one with an explanation, their choices, categories and the teachers of each), put into
 * a database this application migrated (H2 or PostgreSQL), beside the users
 * {@link DjangoFixture#reset} puts there: Django's tables for questions, choices, tests
 * and answers, made from the fixture's own {@code CREATE TABLE} statements. Which
 * questions a student met in a test of theirs is up to each test ({@link #tookTest}).
 */
public final class OtosQuestions {

	/**
	 * otos's tables the question features read, in an order their rows may be deleted.
	 */
	private static final List<String> TABLES = List.of("otosapp_answer", "otosapp_test_categories",
			"otosapp_tryoutpackagecategory", "otosapp_test", "otosapp_choice", "otosapp_question");

	private static String schema;

	private static String data;

	private OtosQuestions() {
	}

	/**
	 * Puts the fixture's question bank in place, and removes every report about a
	 * question, answer and explanation change a test made before.
	 */
	public static synchronized void reset(JdbcClient jdbc) {
		read();
		for (String table : TABLES) {
			if (!exists(jdbc, table)) {
				jdbc.sql(createStatement(table)).update();
			}
		}
		jdbc.sql("delete from otos_question_answer").update();
		jdbc.sql("delete from otos_question_explanation_audit").update();
		jdbc.sql("delete from otosapp_messagethread where question_id is not null").update();
		TABLES.forEach((table) -> jdbc.sql("delete from " + table).update());
		for (Map<String, Object> row : SqlInserts.rows(data, "otosapp_category")) {
			long id = number(row, "id");
			if (jdbc.sql("select count(*) from otosapp_category where id = :id")
				.param("id", id)
				.query(Long.class)
				.single() == 0) {
				jdbc.sql("""
						insert into otosapp_category (id, category_name, created_at, time_limit, scoring_method,
						  passing_score, release_date)
						values (:id, :name, :now, :time, :scoring, :passing, :now)
						""")
					.param("id", id)
					.param("name", row.get("category_name"))
					.param("now", OffsetDateTime.now())
					.param("time", number(row, "time_limit"))
					.param("scoring", row.get("scoring_method"))
					.param("passing", ((BigDecimal) row.get("passing_score")).doubleValue())
					.update();
			}
		}
		for (Map<String, Object> row : SqlInserts.rows(data, "otosapp_category_teachers")) {
			jdbc.sql("""
					insert into otosapp_category_teachers (category_id, user_id)
					select :category, :user where not exists
					  (select 1 from otosapp_category_teachers where category_id = :category and user_id = :user)
					""").param("category", number(row, "category_id")).param("user", number(row, "user_id")).update();
		}
		for (Map<String, Object> row : SqlInserts.rows(data, "otosapp_question")) {
			jdbc.sql("""
					insert into otosapp_question (id, question_text, pub_date, category_id, custom_weight,
					  difficulty_coefficient, correct_answer_text, question_type, explanation)
					values (:id, :text, :now, :category, 0, 1, :correct, :type, :explanation)
					""")
				.param("id", number(row, "id"))
				.param("text", row.get("question_text"))
				.param("now", OffsetDateTime.now())
				.param("category", number(row, "category_id"))
				.param("correct", row.get("correct_answer_text"))
				.param("type", row.get("question_type"))
				.param("explanation", row.get("explanation"))
				.update();
		}
		for (Map<String, Object> row : SqlInserts.rows(data, "otosapp_choice")) {
			jdbc.sql("""
					insert into otosapp_choice (id, choice_text, is_correct, question_id, choice_image)
					values (:id, :text, :correct, :question, '')
					""")
				.param("id", number(row, "id"))
				.param("text", row.get("choice_text"))
				.param("correct", row.get("is_correct"))
				.param("question", number(row, "question_id"))
				.update();
		}
	}

	/** The fixture's questions as {@code id -> category id}. */
	public static Map<Long, Long> categoryOfEachQuestion() {
		read();
		java.util.Map<Long, Long> categories = new java.util.TreeMap<>();
		SqlInserts.rows(data, "otosapp_question")
			.forEach((row) -> categories.put(number(row, "id"), number(row, "category_id")));
		return categories;
	}

	/** The fixture's question id that has an explanation. */
	public static long questionWithExplanation() {
		read();
		return SqlInserts.rows(data, "otosapp_question")
			.stream()
			.filter((row) -> row.get("explanation") != null)
			.map((row) -> number(row, "id"))
			.findFirst()
			.orElseThrow();
	}

	/** The student took a submitted test of the category, as otos records one. */
	public static void tookTest(JdbcClient jdbc, long studentId, long categoryId) {
		long testId = jdbc.sql("select coalesce(max(id), 0) + 1 from otosapp_test").query(Long.class).single();
		jdbc.sql("""
				insert into otosapp_test (id, score, date_taken, student_id, end_time, is_submitted, start_time,
				  time_limit, tryout_package_id, current_question)
				values (:id, 0, :now, :student, :now, true, :now, 60, null, 0)
				""").param("id", testId).param("now", OffsetDateTime.now()).param("student", studentId).update();
		jdbc.sql("""
				insert into otosapp_test_categories (id, test_id, category_id)
				values ((select coalesce(max(id), 0) + 1 from otosapp_test_categories), :test, :category)
				""").param("test", testId).param("category", categoryId).update();
	}

	private static boolean exists(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = :table")
			.param("table", table)
			.query(Long.class)
			.single() > 0;
	}

	private static String createStatement(String table) {
		Matcher matcher = Pattern.compile("(CREATE TABLE public\\." + table + " \\([^;]*\\));").matcher(schema);
		if (!matcher.find()) {
			throw new IllegalStateException("The otos fixture has no table " + table);
		}
		return matcher.group(1).replace("public.", "");
	}

	private static long number(Map<String, Object> row, String column) {
		return ((BigDecimal) row.get(column)).longValue();
	}

	private static void read() {
		if (schema == null) {
			try {
				schema = Files.readString(OtosFixture.folder().resolve("schema.sql"), StandardCharsets.UTF_8);
				data = Files.readString(OtosFixture.folder().resolve("data.sql"), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
