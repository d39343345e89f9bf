package id.otos.messaging.accounts.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import id.otos.messaging.accounts.ImportProblem;
import id.otos.messaging.accounts.NewStudent;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a file of students to import: UTF-8 (with or without a byte order mark), fields
 * separated by {@code ,} or {@code ;} (whichever the header line uses), quoted by the
 * usual CSV rules, a header line naming the columns {@code username}, {@code email},
 * {@code first_name} and {@code last_name} (in any order, any case), and at most
 * {@value #MAX_STUDENTS} students. Each line's fields are checked with the rules of the
 * admin's new-user form ({@link NewUserForm}'s constraints); what concerns other accounts
 * is checked by {@link id.otos.messaging.accounts.StudentImports}.
 */
final class StudentCsv {

	/** The most students one file may hold. */
	static final int MAX_STUDENTS = 500;

	/** The largest file read (about 500 lines of the longest fields). */
	static final int MAX_BYTES = 512 * 1024;

	static final List<String> COLUMNS = List.of("username", "email", "first_name", "last_name");

	private static final Map<String, String> FORM_FIELDS = Map.of("username", "username", "email", "email",
			"first_name", "firstName", "last_name", "lastName");

	private StudentCsv() {
	}

	/**
	 * A file read: its text, the students of its lines with each line's problems, or the
	 * problem of the whole file (then no lines).
	 */
	record Reading(String text, List<Line> lines, ImportProblem fileProblem) {

		static Reading refused(ImportProblem problem) {
			return new Reading("", List.of(), problem);
		}

		List<NewStudent> students() {
			return this.lines.stream().map(Line::student).toList();
		}

	}

	/** One student's line: its number in the file (the header is line 1). */
	record Line(long number, NewStudent student, List<ImportProblem> problems) {

	}

	/** Reads an uploaded file. */
	static Reading read(byte[] bytes, Validator validator) {
		if (bytes.length > MAX_BYTES) {
			return Reading.refused(ImportProblem.of("import.error.too-large", MAX_BYTES / 1024));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return Reading.refused(ImportProblem.of("import.error.encoding"));
		}
		return read(text.startsWith("\uFEFF") ? text.substring(1) : text, validator);
	}

	/** Reads a file's text (as a confirmation carries it back). */
	static Reading read(String text, Validator validator) {
		if (text.length() > MAX_BYTES) {
			return Reading.refused(ImportProblem.of("import.error.too-large", MAX_BYTES / 1024));
		}
		if (text.indexOf('\0') >= 0) {
			return Reading.refused(ImportProblem.of("import.error.encoding"));
		}
		String header = text.lines().findFirst().orElse("");
		char delimiter = (header.indexOf(';') >= 0 && header.indexOf(',') < 0) ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
			List<Line> lines = new ArrayList<>();
			Map<String, Integer> columns = null;
			long lineNumber = 1;
			for (CSVRecord record : parser) {
				if (columns == null) {
					columns = columns(record);
					if (columns == null) {
						return Reading.refused(ImportProblem.of("import.error.header", String.join(", ", COLUMNS)));
					}
					lineNumber = parser.getCurrentLineNumber();
					continue;
				}
				if (lines.size() == MAX_STUDENTS) {
					return Reading.refused(ImportProblem.of("import.error.too-many", MAX_STUDENTS));
				}
				lines.add(line(lineNumber + 1, record, columns, validator));
				lineNumber = parser.getCurrentLineNumber();
			}
			if (columns == null) {
				return Reading.refused(ImportProblem.of("import.error.header", String.join(", ", COLUMNS)));
			}
			if (lines.isEmpty()) {
				return Reading.refused(ImportProblem.of("import.error.empty"));
			}
			return new Reading(text, List.copyOf(lines), null);
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			return Reading.refused(ImportProblem.of("import.error.unreadable"));
		}
	}

	/**
	 * Where each column is, from the header; {@code null} unless it names exactly ours.
	 */
	private static Map<String, Integer> columns(CSVRecord header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().toLowerCase(Locale.ROOT);
			if (!COLUMNS.contains(name) || columns.put(name, i) != null) {
				return null;
			}
		}
		return columns.keySet().equals(Set.copyOf(COLUMNS)) ? columns : null;
	}

	private static Line line(long number, CSVRecord record, Map<String, Integer> columns, Validator validator) {
		if (record.size() != columns.size()) {
			NewStudent empty = new NewStudent("", "", "", "");
			return new Line(number, empty,
					List.of(ImportProblem.of("import.error.columns", columns.size(), record.size())));
		}
		NewStudent student = new NewStudent(field(record, columns, "username"), field(record, columns, "email"),
				field(record, columns, "first_name"), field(record, columns, "last_name"));
		NewUserForm form = new NewUserForm(student.email(), student.username(), student.firstName(), student.lastName(),
				null, null, null);
		List<ImportProblem> problems = new ArrayList<>();
		for (String column : COLUMNS) {
			for (ConstraintViolation<NewUserForm> violation : validator.validateProperty(form,
					FORM_FIELDS.get(column))) {
				problems.add(ImportProblem.of("import.error.field", column, violation.getMessage()));
			}
		}
		return new Line(number, student, List.copyOf(problems));
	}

	private static String field(CSVRecord record, Map<String, Integer> columns, String column) {
		return record.get(columns.get(column)).strip();
	}

}
