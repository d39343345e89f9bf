package id.otos.messaging.threads.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import id.otos.messaging.threads.InboxRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;

/**
 * The thread list as CSV for a spreadsheet: UTF-8 with a byte order mark (so Excel reads
 * it as UTF-8), quoted by the rules (commons-csv), labels in the reader's language, and
 * no cell that a spreadsheet would run as a formula: a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a {@code '} in front.
 */
final class ThreadCsv implements AutoCloseable {

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private final CSVPrinter printer;

	private final MessageSource messages;

	private final Locale locale;

	ThreadCsv(Writer out, MessageSource messages, Locale locale) throws IOException {
		this.messages = messages;
		this.locale = locale;
		out.write(BYTE_ORDER_MARK);
		this.printer = new CSVPrinter(out, CSVFormat.EXCEL);
		this.printer.printRecord(List.of("id", text("export.column.title"), text("export.column.type"),
				text("export.column.status"), text("export.column.priority"), text("export.column.category"),
				text("export.column.student"), text("export.column.handler"), text("export.column.last-activity"),
				text("export.column.overdue"), text("export.column.unread")));
	}

	void add(InboxRow row) {
		try {
			this.printer.printRecord(Long.toString(row.id()), safe(row.title()), text(row.type().messageKey()),
					text(row.status().messageKey()), text(row.priority().messageKey()), safe(row.categoryName()),
					safe(row.studentName()), safe(row.handlerName()), row.lastActivity().toString(),
					text(row.overdue() ? "export.yes" : "export.no"), Long.toString(row.unread()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A cell a spreadsheet shows as the text it is, never runs as a formula. */
	static String safe(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
				|| first == '\r';
		return formula ? "'" + cell : cell;
	}

	private String text(String key) {
		return safe(this.messages.getMessage(key, null, key, this.locale));
	}

	@Override
	public void close() throws IOException {
		this.printer.close(true);
	}

}
