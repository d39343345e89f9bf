package id.otos.messaging.threads;

import java.util.List;
import java.util.Set;

import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's filters, search and pages, and what reading does to whose count.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class InboxChecks {

	@Autowired
	ThreadDesk desk;

	@Autowired
	ThreadPages pages;

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcClient jdbc;

	Viewer siswa1;

	Viewer guru1;

	Viewer operator;

	long matematika;

	@BeforeEach
	void people() {
		this.matematika = id("select id from otosapp_category where category_name = 'Matematika'");
		this.siswa1 = new Viewer(id("select id from otosapp_user where email = 'siswa1@otos.test'"), RoleName.STUDENT,
				Set.of());
		this.guru1 = new Viewer(id("select id from otosapp_user where email = 'guru1@otos.test'"), RoleName.TEACHER,
				Set.of(this.matematika, id("select id from otosapp_category where category_name = 'Fisika'")));
		this.operator = new Viewer(id("select id from otosapp_user where email = 'operator@otos.test'"),
				RoleName.OPERATOR, Set.of());
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theInboxFiltersByStatusAndTypeAndSearchesTitlesAndMessages() {
		long integral = ask(ThreadType.ACADEMIC, "Integral parsial", "Bagaimana caranya?");
		long login = ask(ThreadType.TECHNICAL, "Tidak bisa masuk", "Lupa kata sandi 100%");
		ask(ThreadType.GENERAL, "Jadwal", "Kapan tryout_berikutnya?");
		this.desk.close(this.siswa1, login);

		assertThat(titles(new InboxFilter(ThreadStatus.CLOSED, null, null, 1, 10))).containsExactly("Tidak bisa masuk");
		assertThat(titles(new InboxFilter(null, ThreadType.ACADEMIC, null, 1, 10))).containsExactly("Integral parsial");
		assertThat(titles(new InboxFilter(null, null, "INTEGRAL", 1, 10))).containsExactly("Integral parsial");
		assertThat(titles(new InboxFilter(null, null, "caranya", 1, 10))).containsExactly("Integral parsial");
		assertThat(titles(new InboxFilter(null, null, "100%", 1, 10))).containsExactly("Tidak bisa masuk");
		assertThat(titles(new InboxFilter(null, null, "t_b", 1, 10))).containsExactly("Jadwal");
		assertThat(titles(new InboxFilter(null, null, "tidak ada", 1, 10))).isEmpty();
		assertThat(integral).isPositive();
	}

	@Test
	void theInboxIsPagedNewestFirst() {
		for (int i = 1; i <= 12; i++) {
			ask(ThreadType.GENERAL, "Pertanyaan " + i, "isi");
		}

		InboxPage first = this.inbox.page(this.siswa1, new InboxFilter(null, null, null, 1, 10));
		InboxPage second = this.inbox.page(this.siswa1, new InboxFilter(null, null, null, 2, 10));

		assertThat(first.total()).isEqualTo(12);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.rows()).hasSize(10).first().extracting(InboxRow::title).isEqualTo("Pertanyaan 12");
		assertThat(second.rows()).extracting(InboxRow::title).containsExactly("Pertanyaan 2", "Pertanyaan 1");
		assertThat(this.inbox.page(this.siswa1, new InboxFilter(null, null, null, 9, 10)))
			.satisfies((past) -> assertThat(past.page()).isEqualTo(2))
			.extracting(InboxPage::rows)
			.isEqualTo(second.rows());
	}

	@Test
	void aPageNumberPastTheLastShowsTheLastPageHoweverLargeItIs() {
		for (int i = 1; i <= 3; i++) {
			ask(ThreadType.GENERAL, "Pertanyaan " + i, "isi");
		}

		for (int huge : new int[] { 4, 999_999_999, Integer.MAX_VALUE }) {
			InboxPage page = this.inbox.page(this.siswa1, new InboxFilter(null, null, null, huge, 2));
			assertThat(page.page()).isEqualTo(2);
			assertThat(page.total()).isEqualTo(3);
			assertThat(page.rows()).extracting(InboxRow::title).containsExactly("Pertanyaan 1");
		}
		assertThat(this.inbox.page(this.guru1, new InboxFilter(ThreadStatus.CLOSED, null, null, Integer.MAX_VALUE, 20)))
			.satisfies((empty) -> {
				assertThat(empty.rows()).isEmpty();
				assertThat(empty.page()).isEqualTo(1);
				assertThat(empty.total()).isZero();
			});
	}

	@Test
	void aRowShowsTheOtherPartyThePreviewAndTheReadersOwnBadge() {
		long thread = ask(ThreadType.ACADEMIC, "Integral", "Soal pertama");
		this.desk.reply(this.guru1, thread, "Jawaban guru", null, null);

		InboxRow forStudent = this.inbox.page(this.siswa1, new InboxFilter(null, null, null, 1, 10)).rows().get(0);
		InboxRow forTeacher = this.inbox.page(this.guru1, new InboxFilter(null, null, null, 1, 10)).rows().get(0);

		assertThat(forStudent.handlerName()).isEqualTo("Budi Santoso");
		assertThat(forStudent.categoryName()).isEqualTo("Matematika");
		assertThat(forStudent.preview()).isEqualTo("Jawaban guru");
		assertThat(forStudent.unread()).isEqualTo(1);
		assertThat(forTeacher.studentName()).isEqualTo("Andi Pratama");
		assertThat(forTeacher.unread()).isZero();
	}

	@Test
	void readingAThreadClearsOnlyTheReadersCount() {
		long thread = ask(ThreadType.TECHNICAL, "Aplikasi macet", "Tolong");
		this.desk.reply(this.operator, thread, "Sudah dicek?", null, null);
		this.desk.reply(this.operator, thread, "Coba pasang ulang.", null, null);
		this.desk.reply(this.siswa1, thread, "Belum bisa", null, null);
		long unreadMessage = id("select max(id) from otosapp_message");
		assertThat(this.inbox.unreadCount(this.operator)).isEqualTo(1);

		this.pages.read(this.operator, thread);

		assertThat(this.inbox.unreadCount(this.operator)).isZero();
		assertThat(this.inbox.unreadCount(this.siswa1)).as("replying means having read what came before").isZero();
		this.desk.reply(this.operator, thread, "Baik, kami cek.", null, null);
		assertThat(this.inbox.unreadCount(this.siswa1)).isEqualTo(1);
		this.pages.read(this.siswa1, thread);
		assertThat(this.inbox.unreadCount(this.siswa1)).isZero();
		assertThat(this.inbox.unreadCount(this.operator)).isZero();
		assertThat(this.jdbc.sql("select is_read from otosapp_message where id = :id")
			.param("id", unreadMessage)
			.query(Boolean.class)
			.single()).as("is_read: read by someone other than the sender").isTrue();
	}

	private List<String> titles(InboxFilter filter) {
		return this.inbox.page(this.siswa1, filter).rows().stream().map(InboxRow::title).toList();
	}

	private long ask(ThreadType type, String title, String content) {
		return this.desk.open(this.siswa1, new NewThread(title, type, type.isAcademic() ? this.matematika : null, null,
				Priority.NORMAL, content, null), null);
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
