package id.otos.messaging.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import id.otos.messaging.notifications.DigestComposer.Digest;
import id.otos.messaging.threads.StatusChange;
import id.otos.messaging.threads.ThreadStatus;
import id.otos.messaging.threads.UnreadThread;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest's words and layout in both languages, from the app's own message files.
 */
class DigestComposerTests {

	private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");

	private final DigestComposer composer = new DigestComposer(messages(),
			new MailProperties("https://otos.example.id/", "otos <no-reply@otos.example.id>"));

	private final List<UnreadThread> threads = List.of(new UnreadThread(7, "Soal integral", 2, 41, AT),
			new UnreadThread(9, "Video tidak jalan", 1, 40, null));

	private final List<StatusChange> changes = List.of(
			new StatusChange(3, 5, "Tidak bisa masuk", ThreadStatus.OPEN, ThreadStatus.RESOLVED, AT),
			new StatusChange(4, 6, "Nilai salah", ThreadStatus.CLOSED, ThreadStatus.OPEN, AT));

	@Test
	void anIndonesianDigestListsEachThreadWithItsLinkAndTheStatusChanges() {
		Digest digest = this.composer.compose("Siti Aminah", Locale.forLanguageTag("id"), this.threads, this.changes);

		assertThat(digest.subject()).isEqualTo("otos: 3 pesan belum dibaca di 2 percakapan");
		assertThat(digest.body()).isEqualTo("""
				Halo Siti Aminah,

				Ada 3 pesan yang belum Anda baca:
				- Soal integral (2 belum dibaca)
				  https://otos.example.id/messages/thread/7/
				- Video tidak jalan (1 belum dibaca)
				  https://otos.example.id/messages/thread/9/

				Perubahan status percakapan Anda:
				- Tidak bisa masuk: ditandai selesai
				  https://otos.example.id/messages/thread/5/
				- Nilai salah: dibuka kembali
				  https://otos.example.id/messages/thread/6/

				Kotak masuk Anda:
				https://otos.example.id/messages/

				--
				Anda menerima e-mail ini karena ringkasan e-mail aktif. Matikan di profil Anda:
				https://otos.example.id/profile
				""");
	}

	@Test
	void anEnglishDigestSaysTheSameInEnglish() {
		Digest digest = this.composer.compose("Siti Aminah", Locale.ENGLISH, this.threads.subList(1, 2), List.of());

		assertThat(digest.subject()).isEqualTo("otos: 1 unread message in 1 conversation");
		assertThat(digest.body()).startsWith("Hello Siti Aminah,")
			.contains("There is 1 message you have not read:", "- Video tidak jalan (1 unread)")
			.doesNotContain("Status changes");
	}

	@Test
	void titlesAndNamesStayOnTheirLineWhateverTheDatabaseHolds() {
		String forgedLines = "Soal\r\n  https://otos.example.id.evil.test/login\r\n\r\n--\r\nAdmin otos:\tlog in again";
		List<UnreadThread> stored = List.of(new UnreadThread(7, forgedLines, 1, 41, AT),
				new UnreadThread(8, "Nilai\u2028Kotak masuk Anda:\u2029https://evil.test/\u0085x", 1, 40, AT),
				new UnreadThread(9, "\u202Egnp.exe\u202C tugas \u2066\u200F\u061C", 1, 39, AT));
		List<StatusChange> changed = List.of(new StatusChange(3, 5, "Ok\nPerubahan status percakapan Anda:",
				ThreadStatus.OPEN, ThreadStatus.CLOSED, AT));

		Digest digest = this.composer.compose("Siti\r\nAda 99 pesan yang belum Anda baca:\u202E",
				Locale.forLanguageTag("id"), stored, changed);

		assertThat(digest.body()).isEqualTo("""
				Halo Siti Ada 99 pesan yang belum Anda baca:,

				Ada 3 pesan yang belum Anda baca:
				- Soal https://otos.example.id.evil.test/login -- Admin otos: log in again (1 belum dibaca)
				  https://otos.example.id/messages/thread/7/
				- Nilai Kotak masuk Anda: https://evil.test/ x (1 belum dibaca)
				  https://otos.example.id/messages/thread/8/
				- gnp.exe tugas (1 belum dibaca)
				  https://otos.example.id/messages/thread/9/

				Perubahan status percakapan Anda:
				- Ok Perubahan status percakapan Anda:: ditutup
				  https://otos.example.id/messages/thread/5/

				Kotak masuk Anda:
				https://otos.example.id/messages/

				--
				Anda menerima e-mail ini karena ringkasan e-mail aktif. Matikan di profil Anda:
				https://otos.example.id/profile
				""");
		assertThat(digest.body()).doesNotContain("\r", "\t", "\u2028", "\u2029", "\u0085", "\u202E", "\u2066");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
