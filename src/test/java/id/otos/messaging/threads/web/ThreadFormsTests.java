package id.otos.messaging.threads.web;

import java.time.Duration;
import java.util.List;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.attachments.ArchiveBombs;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input on the messaging forms gets a clear message in the user's language, keeps
 * what was typed, and changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ThreadFormsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aValidQuestionOpensAThreadAndShowsIt() throws Exception {
		this.mvc.perform(newThread("Soal integral", "academic", matematika(), "Bagaimana?"))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"));

		assertThat(threads()).isEqualTo(1);
	}

	@Test
	void aTitleIsStoredOnOneLineWithoutBidirectionalControls() throws Exception {
		this.mvc
			.perform(newThread("Soal\r\nintegral\t\u202Eparsial\u2028\u2029\u0085bab 2\u2066", "general", null, "Isi"))
			.andExpect(redirectedUrlPattern("/messages/thread/*/"));

		assertThat(this.jdbc.sql("select title from otosapp_messagethread").query(String.class).single())
			.isEqualTo("Soal integral parsial bab 2");
	}

	@Test
	void aTitleOfNothingButLineBreaksAndControlsIsRefusedAsMissing() throws Exception {
		this.mvc.perform(newThread("\u202E\r\n\u2028", "general", null, "Isi"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Judul wajib diisi.")));
		assertThat(threads()).isZero();
	}

	@Test
	void missingTitleAndContentAreNamedAndTheRestIsKept() throws Exception {
		this.mvc.perform(newThread("", "technical", null, "", "high"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Judul wajib diisi.")))
			.andExpect(content().string(containsString("Isi pesan wajib diisi.")))
			.andExpect(content().string(containsString("<option value=\"technical\" selected=\"selected\"")))
			.andExpect(content().string(containsString("<option value=\"high\" selected=\"selected\"")));
		assertThat(threads()).isZero();
	}

	@Test
	void anAcademicQuestionWithoutCategoryIsRefusedClearly() throws Exception {
		this.mvc.perform(newThread("Soal", "academic", null, "Tolong"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Pilih kategori untuk pertanyaan materi.<")));
		assertThat(threads()).isZero();
	}

	@Test
	void anOverlongTitleIsRefusedInEnglishForAnEnglishReader() throws Exception {
		this.mvc.perform(newThread("x".repeat(201), "general", null, "Hi").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The title can be at most 200 characters.")));
		assertThat(threads()).isZero();
	}

	@Test
	void anUnknownTypeOrTheAdminOnlyTypeIsRefused() throws Exception {
		this.mvc.perform(newThread("Soal", "rahasia", null, "Tolong"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pilih jenis pesan.")))
			.andExpect(content().string(containsString("value=\"Soal\"")));
		this.mvc.perform(newThread("Soal", "info", null, "Tolong"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pilih jenis pesan.")));
		this.mvc.perform(newThread("Soal", "general", null, "Tolong", "sangat-penting"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pilih prioritas.")));
		assertThat(threads()).isZero();
	}

	@Test
	void aRefusedFileIsExplainedAndTheTypedTextIsKept() throws Exception {
		MockMultipartFile program = new MockMultipartFile("attachment", "soal.pdf", "application/pdf",
				new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0 });

		this.mvc.perform(newThread("Soal integral", "general", null, "Isi yang panjang").file(program))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Jenis berkas ini tidak diterima.")))
			.andExpect(content().string(containsString("value=\"Soal integral\"")))
			.andExpect(content().string(containsString("Isi yang panjang")));
		assertThat(threads()).isZero();
	}

	@Test
	void anAttachmentOverTheLimitIsRefusedWithTheLimitInTheMessage() throws Exception {
		MockMultipartFile large = new MockMultipartFile("attachment", "catatan.txt", "text/plain",
				"a".repeat(10 * 1024 * 1024 + 1).getBytes());

		this.mvc.perform(newThread("Soal integral", "general", null, "Isi").file(large))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lampiran terlalu besar: paling besar 10 MB.")))
			.andExpect(content().string(containsString("value=\"Soal integral\"")));
		assertThat(threads()).isZero();
	}

	@Test
	void anOfficeFileThatUnpacksToGigabytesIsRefusedWithAMessageWithinMoments() throws Exception {
		MockMultipartFile bomb = new MockMultipartFile("attachment", "tugas.docx", "application/octet-stream",
				ArchiveBombs.wordDocumentOfZeros(8, 1024));
		MockMultipartFile liar = new MockMultipartFile("attachment", "tugas.docx", "application/octet-stream",
				ArchiveBombs.wordDocumentWhoseLocalHeaderLies(2048));

		for (MockMultipartFile file : List.of(bomb, liar)) {
			long start = System.nanoTime();
			this.mvc.perform(newThread("Soal integral", "general", null, "Isi").file(file))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("terlalu besar atau terlalu banyak bila dibuka")))
				.andExpect(content().string(containsString("value=\"Soal integral\"")));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			System.out.printf("an archive bomb of %d bytes was refused in %d ms%n", file.getSize(), took.toMillis());
			// a generous bound on a shared machine: unpacking it would take many seconds
			assertThat(took).isLessThan(Duration.ofSeconds(5));
		}
		this.mvc.perform(newThread("Soal", "general", null, "Isi").file(bomb).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("it unpacks to too much or too many files")));
		assertThat(threads()).isZero();
	}

	@Test
	void anEmptyReplyIsRefusedOnTheThreadPage() throws Exception {
		this.mvc.perform(newThread("Soal", "general", null, "Halo"));
		long thread = this.jdbc.sql("select max(id) from otosapp_messagethread").query(Long.class).single();

		this.mvc
			.perform(multipart("/messages/thread/" + thread + "/").param("action", "reply")
				.param("content", "   ")
				.with(user(siswa1()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Isi pesan wajib diisi.")));
		assertThat(this.jdbc.sql("select count(*) from otosapp_message").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anUnknownActionIsABadRequest() throws Exception {
		this.mvc.perform(newThread("Soal", "general", null, "Halo"));
		long thread = this.jdbc.sql("select max(id) from otosapp_messagethread").query(Long.class).single();

		this.mvc
			.perform(multipart("/messages/thread/" + thread + "/").param("action", "hapus_semua")
				.with(user(siswa1()))
				.with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aBroadcastWithTamperedValuesOrNoStudentsIsRefusedClearly() throws Exception {
		CurrentUser operator = (CurrentUser) this.users.loadUserByUsername("operator@otos.test");

		this.mvc
			.perform(multipart("/messages/broadcast/").param("title", "Info")
				.param("content", "Isi")
				.param("priority", "normal")
				.param("students", "bukan-angka")
				.param("category", "x")
				.with(user(operator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kategori tidak ditemukan.")));
		this.mvc
			.perform(multipart("/messages/broadcast/").param("title", "Info")
				.param("content", "Isi")
				.param("priority", "normal")
				.with(user(operator))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Pilih paling sedikit satu siswa atau satu kategori.<")))
			.andExpect(content().string(containsString("value=\"Info\"")));
		assertThat(threads()).isZero();
	}

	@Test
	void anAttachmentIsServedAsWhatItIsNeverSniffedAndNamedSafely() throws Exception {
		MockMultipartFile file = new MockMultipartFile("attachment", "..\\..\\<img onerror=x>rumus.pdf", "image/png",
				"%PDF-1.4 rumus".getBytes());
		this.mvc.perform(newThread("Soal", "general", null, "Lihat lampiran").file(file));
		long thread = this.jdbc.sql("select max(id) from otosapp_messagethread").query(Long.class).single();
		long message = this.jdbc.sql("select max(id) from otosapp_message").query(Long.class).single();

		this.mvc.perform(get("/messages/thread/" + thread + "/attachments/" + message + "/").with(user(siswa1())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition",
					containsString("attachment; filename=\"_img onerror_x_rumus.pdf\"")));
	}

	@Test
	void theUnreadCountAnswersJsonAndWithoutASession401Json() throws Exception {
		this.mvc.perform(get("/api/messages/unread-count/").with(user(siswa1())))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"unread_count\": 0}"));
		this.mvc.perform(get("/api/messages/unread-count/"))
			.andExpect(status().isUnauthorized())
			.andExpect(content()
				.json("{\"error\": \"unauthenticated\", \"message\": \"Silakan masuk terlebih dahulu.\"}"));
	}

	@Test
	void studentsAreNotOfferedUrgentAndAreRefusedItWithAMessage() throws Exception {
		this.mvc.perform(get("/messages/create/").with(user(siswa1())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"high\"")))
			.andExpect(content().string(not(containsString("value=\"urgent\""))));
		this.mvc.perform(newThread("Tolong cepat", "general", null, "Besok ujian", "urgent"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ditentukan oleh staf")));
		assertThat(threads()).isZero();
	}

	@Test
	void invalidInboxFiltersAreIgnoredNotAnError() throws Exception {
		this.mvc.perform(get("/messages/").param("status", "bogus").param("page", "-3").with(user(siswa1())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sebagian filter tidak dikenal dan diabaikan.")));
	}

	private MockMultipartHttpServletRequestBuilder newThread(String title, String type, Long category, String content) {
		return newThread(title, type, category, content, "normal");
	}

	private MockMultipartHttpServletRequestBuilder newThread(String title, String type, Long category, String content,
			String priority) {
		MockMultipartHttpServletRequestBuilder request = multipart("/messages/create/");
		request.param("title", title).param("thread_type", type).param("priority", priority).param("content", content);
		if (category != null) {
			request.param("category", category.toString());
		}
		request.with(user(siswa1())).with(csrf());
		return request;
	}

	private long matematika() {
		return this.jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
	}

	private long threads() {
		return this.jdbc.sql("select count(*) from otosapp_messagethread").query(Long.class).single();
	}

	private CurrentUser siswa1() {
		return (CurrentUser) this.users.loadUserByUsername("siswa1@otos.test");
	}

}
