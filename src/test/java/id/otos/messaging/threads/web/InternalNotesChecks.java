package id.otos.messaging.threads.web;

import java.util.Locale;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.attachments.Attachments;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.InboxFilter;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.UnreadCounts;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Internal notes (issue 13 part 4): staff write them in a thread, each other see them,
 * marked as internal, and the thread's student never meets them: not on the page, not in
 * the page's live updates, not in the unread count, not in a search, not as an
 * attachment. Notes are text only. The live stream is checked in
 * {@code LiveFanOutChecks}, the e-mail digests in {@code DigestsChecks}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class InternalNotesChecks {

	static final String SECRET = "Rahasia staf: orang tuanya sudah menelepon";

	@Autowired
	MockMvc mvc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	Viewers viewers;

	@Autowired
	Categories categories;

	@Autowired
	Attachments attachments;

	@Autowired
	Inbox inbox;

	@Autowired
	UnreadCounts counts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	long thread;

	@BeforeEach
	void aQuestionToGuru1() {
		long matematika = this.categories.all()
			.stream()
			.filter((category) -> category.name().equals("Matematika"))
			.mapToLong(CategoryView::id)
			.findFirst()
			.orElseThrow();
		long guru1 = viewer("guru1@otos.test").userId();
		this.thread = this.desk.open(viewer("siswa1@otos.test"),
				new NewThread("Integral parsial", ThreadType.ACADEMIC, matematika, guru1, Priority.NORMAL,
						"Bagaimana memilih u dan dv?", null),
				this.attachments.accept("soal.pdf", "%PDF-1.4 soal".getBytes()));
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void staffSeeANoteMarkedAsInternalAndTheStudentNeverSeesIt() throws Exception {
		assertThat(note("admin@otos.test", SECRET).getResponse().getRedirectedUrl()).isEqualTo(threadUrl());

		assertThat(page("guru1@otos.test")).contains(SECRET).contains("class=\"note\"").contains("Catatan internal");
		assertThat(page("operator@otos.test")).as("an operator may not open an academic thread").isEmpty();
		String studentsPage = page("siswa1@otos.test");
		assertThat(studentsPage).contains("Bagaimana memilih u dan dv?")
			.doesNotContain(SECRET)
			.doesNotContain("data-note-id")
			.doesNotContain("id=\"note-form\"")
			.doesNotContain("Catatan internal");
	}

	@Test
	void aStudentsLiveUpdateOfThePageNeverCarriesANote() throws Exception {
		note("admin@otos.test", SECRET);

		assertThat(updates("siswa1@otos.test")).contains("id=\"thread-update\"")
			.doesNotContain(SECRET)
			.doesNotContain("data-note-id");
		assertThat(updates("guru1@otos.test")).contains(SECRET).contains("data-note-id");
	}

	@Test
	void aNoteIsUnreadForColleaguesOnWhoseDeskTheThreadIsNeverForItsAuthorOrTheStudent() throws Exception {
		page("siswa1@otos.test");
		page("guru1@otos.test");
		Viewer student = viewer("siswa1@otos.test");
		Viewer teacher = viewer("guru1@otos.test");
		Viewer admin = viewer("admin@otos.test");
		long studentBefore = unreadByApi("siswa1@otos.test");
		long teacherBefore = this.counts.of(teacher);
		long adminBefore = this.counts.of(admin);

		note("admin@otos.test", SECRET);

		assertThat(unreadByApi("siswa1@otos.test")).isEqualTo(studentBefore).isEqualTo(this.inbox.unreadCount(student));
		assertThat(this.counts.of(teacher)).isEqualTo(teacherBefore + 1).isEqualTo(this.inbox.unreadCount(teacher));
		assertThat(this.counts.of(admin)).as("the author").isEqualTo(adminBefore);
		assertThat(this.inbox.page(teacher, new InboxFilter(null, null, null, 1, 20)).rows())
			.filteredOn((row) -> row.id() == this.thread)
			.singleElement()
			.satisfies((row) -> assertThat(row.unread()).isEqualTo(1));

		page("guru1@otos.test");

		assertThat(this.counts.of(teacher)).as("read once the teacher opens the thread").isEqualTo(teacherBefore);
	}

	@Test
	void aStudentsSearchNeverFindsATextThatOnlyANoteHolds() throws Exception {
		note("guru1@otos.test", "kata-kunci-staf-saja");

		assertThat(this.inbox.page(viewer("siswa1@otos.test"), new InboxFilter(null, null, "kunci-staf", 1, 20)).rows())
			.isEmpty();
		assertThat(body(this.mvc.perform(get("/messages/").param("search", "kunci-staf").with(as("siswa1@otos.test")))
			.andReturn())).doesNotContain("data-thread-id=\"" + this.thread + "\"");
	}

	@Test
	void aNoteIsTextOnlySoNoDownloadCanRevealOne() throws Exception {
		long files = files();

		MvcResult result = this.mvc
			.perform(multipart(threadUrl())
				.file(new MockMultipartFile("attachment", "rahasia.pdf", "application/pdf",
						"%PDF-1.4 rahasia".getBytes()))
				.param("action", "note")
				.param("content", SECRET)
				.param("submission_key", "k-file")
				.with(as("guru1@otos.test"))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(threadUrl());
		assertThat(notes()).isEqualTo(1);
		assertThat(files()).as("a file sent with a note is not kept").isEqualTo(files);
		assertThat(page("guru1@otos.test")).doesNotContain("rahasia.pdf");
	}

	@Test
	void aStudentCannotWriteANoteAndNothingIsWritten() throws Exception {
		MvcResult result = note("siswa1@otos.test", SECRET);

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(notes()).isZero();
		assertThat(note("siswa2@otos.test", SECRET).getResponse().getStatus()).as("not their thread").isEqualTo(404);
		assertThat(note("operator@otos.test", SECRET).getResponse().getStatus()).as("may not open it").isEqualTo(404);
		assertThat(notes()).isZero();
	}

	@Test
	void anEmptyOrOverlongNoteIsRefusedInTheStaffsLanguageAndNothingIsWritten() throws Exception {
		String empty = body(note("guru1@otos.test", "   "));
		String english = body(this.mvc
			.perform(post(threadUrl()).param("action", "note")
				.param("content", "x".repeat(5001))
				.param("submission_key", "k-long")
				.locale(Locale.ENGLISH)
				.header("Accept-Language", "en")
				.with(as("guru1@otos.test"))
				.with(csrf()))
			.andReturn());

		assertThat(empty).contains("id=\"error-note-content\"").contains("Isi catatan wajib diisi.");
		assertThat(english).contains("id=\"error-note-content\"").contains("A note has at most 5000 characters.");
		assertThat(notes()).isZero();
	}

	@Test
	void aNoteFormSentTwiceIsOneNoteAndNothingTheStudentSeesMoves() throws Exception {
		String before = threadRow();

		note("guru1@otos.test", SECRET, "same-key");
		note("guru1@otos.test", SECRET, "same-key");

		assertThat(notes()).isEqualTo(1);
		assertThat(threadRow()).as("status, activity and version of the thread").isEqualTo(before);
	}

	private MvcResult note(String who, String content) throws Exception {
		return note(who, content, "k-" + System.nanoTime());
	}

	private MvcResult note(String who, String content, String key) throws Exception {
		return this.mvc
			.perform(post(threadUrl()).param("action", "note")
				.param("content", content)
				.param("submission_key", key)
				.with(as(who))
				.with(csrf()))
			.andReturn();
	}

	private String page(String who) throws Exception {
		MvcResult result = this.mvc.perform(get(threadUrl()).with(as(who))).andReturn();
		return (result.getResponse().getStatus() == 200) ? body(result) : "";
	}

	private String updates(String who) throws Exception {
		return body(this.mvc
			.perform(get(threadUrl() + "messages").param("after", "0").param("after_note", "0").with(as(who)))
			.andReturn());
	}

	private long unreadByApi(String who) throws Exception {
		String json = body(this.mvc.perform(get("/api/messages/unread-count/").with(as(who))).andReturn());
		return Long.parseLong(json.replaceAll("\\D+", ""));
	}

	private long files() {
		return this.jdbc.sql("select count(*) from otos_message_attachment").query(Long.class).single();
	}

	private long notes() {
		return this.jdbc.sql("select count(*) from otos_thread_note").query(Long.class).single();
	}

	private String threadRow() {
		return this.jdbc.sql("""
				select status || '/' || cast(last_activity as varchar(40)) || '/' || cast(updated_at as varchar(40))
				from otosapp_messagethread where id = :id
				""").param("id", this.thread).query(String.class).single();
	}

	private String threadUrl() {
		return "/messages/thread/" + this.thread + "/";
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String email) {
		return user((CurrentUser) this.users.loadUserByUsername(email));
	}

	private Viewer viewer(String email) {
		return this.viewers.of((CurrentUser) this.users.loadUserByUsername(email));
	}

}
