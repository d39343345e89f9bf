package id.otos.messaging.threads.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.ThreadView;
import id.otos.messaging.threads.ThreadView.AuditView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history reads in the reader's language: names instead of ids, labels instead of
 * codes, and why routing sent the thread where it went.
 */
class HistoryLinesTests {

	static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

	final HistoryLines lines = new HistoryLines(messages());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theHistoryIsReadInIndonesianByDefault() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));

		assertThat(texts()).containsExactly(
				"Diarahkan ke Budi Santoso: mengajar Matematika, pesan terbuka paling sedikit",
				"Status: Terbuka → Menunggu Respons", "Prioritas: Normal → Mendesak",
				"Penugasan: Budi Santoso → Belum ditugaskan",
				"Dialihkan dari Belum ditugaskan ke Oka Putra: tidak ada guru untuk Matematika: ke operator Oka Putra, pesan terbuka paling sedikit");
		assertThat(this.lines.of(thread()).get(0).actor()).isEqualTo("Andi Pratama");
		assertThat(this.lines.of(thread()).get(4).actor()).isEqualTo("Otomatis");
	}

	@Test
	void andInEnglishForThoseWhoChoseIt() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(texts()).containsExactly("Routed to Budi Santoso: teaches Matematika, fewest open",
				"Status: Open → Awaiting response", "Priority: Normal → Urgent",
				"Assignment: Budi Santoso → Not assigned yet",
				"Moved from Not assigned yet to Oka Putra: no teacher for Matematika: routed to operator Oka Putra, fewest open");
		assertThat(this.lines.of(thread()).get(1).note()).isNull();
		assertThat(this.lines.of(thread()).get(3).note()).isEqualTo("back to the queue");
	}

	private List<String> texts() {
		return this.lines.of(thread()).stream().map(HistoryLines.HistoryLine::text).toList();
	}

	private static ThreadView thread() {
		List<AuditView> audit = List.of(
				new AuditView("Andi Pratama", "routed", null, "3", "teacher", AT, null, "Budi Santoso"),
				new AuditView("Admin Otos", "status", "open", "pending", null, AT, null, null),
				new AuditView("Admin Otos", "priority", "normal", "urgent", null, AT, null, null),
				new AuditView("Admin Otos", "assignment", "3", null, "back to the queue", AT, "Budi Santoso", null),
				new AuditView(null, "rerouted", null, "7", "no-teacher-operator", AT, null, "Oka Putra"));
		return new ThreadView(1, "Limit", ThreadType.ACADEMIC, ThreadStatus.PENDING, Priority.URGENT, 1L, "Matematika",
				10, "Andi Pratama", 7L, "Oka Putra", AT, null, null, null, List.of(), audit, Set.of());
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
