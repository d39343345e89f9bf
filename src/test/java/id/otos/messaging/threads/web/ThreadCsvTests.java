package id.otos.messaging.threads.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;

import id.otos.messaging.threads.InboxRow;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadType;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV export: a byte order mark for Excel, quoting by the rules, and no cell a
 * spreadsheet would run as a formula.
 */
class ThreadCsvTests {

	@Test
	void cellsThatAFormulaWouldStartWithAreDefused() {
		assertThat(ThreadCsv.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(ThreadCsv.safe("+62 812")).isEqualTo("'+62 812");
		assertThat(ThreadCsv.safe("-1+1")).isEqualTo("'-1+1");
		assertThat(ThreadCsv.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ThreadCsv.safe("\tcmd")).isEqualTo("'\tcmd");
		assertThat(ThreadCsv.safe("Integral = luas")).isEqualTo("Integral = luas");
		assertThat(ThreadCsv.safe(null)).isEmpty();
	}

	@Test
	void theFileStartsWithAByteOrderMarkAndQuotesByTheRules() throws Exception {
		StringWriter out = new StringWriter();
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("export.column.title", Locale.ENGLISH, "Title");
		try (ThreadCsv csv = new ThreadCsv(out, messages, Locale.ENGLISH)) {
			csv.add(new InboxRow(7, "Soal \"sulit\", bab 2\nbaris dua", ThreadType.ACADEMIC, ThreadStatus.OPEN,
					Priority.HIGH, "Matematika", "=cmd|' /C calc'!A0", null, Instant.parse("2026-12-01T08:00:00Z"),
					"pratinjau", 2, true));
		}

		String text = out.toString();
		assertThat(text).startsWith("\uFEFFid,Title,");
		assertThat(text).contains("7,\"Soal \"\"sulit\"\", bab 2\nbaris dua\",");
		assertThat(text).contains(",Matematika,'=cmd|' /C calc'!A0,,2026-12-01T08:00:00Z,");
		assertThat(text).endsWith(",2\r\n");
	}

}
