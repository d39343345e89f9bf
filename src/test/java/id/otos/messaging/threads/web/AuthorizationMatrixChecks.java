package id.otos.messaging.threads.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.attachments.Attachments;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.threads.InternalNotes;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every relationship a person can have to a thread, times every page, action, API call
 * and download, against the outcome the access rules specify ({@code ThreadAccess} and
 * the workflow of {@code MessageThread}): allowed, refused by the workflow with a message
 * on the thread page (may do, but not now: a thread someone else already claimed), 403
 * (may open, may not do), or 404 (may not open; the thread's existence is not revealed).
 * A refused request changes nothing. Each cell runs in a transaction that is rolled back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
abstract class AuthorizationMatrixChecks {

	enum Outcome {

		OK, REFUSED, FORBIDDEN, NOT_FOUND

	}

	/** The threads a cell runs against. */
	enum On {

		ACADEMIC_ASSIGNED, ACADEMIC_UNASSIGNED, TECHNICAL_UNASSIGNED

	}

	/** Who asks, and how they relate to the thread. */
	enum Who {

		OWNER_STUDENT("siswa1@otos.test"), OTHER_STUDENT("siswa2@otos.test"), ASSIGNED_TEACHER("guru1@otos.test"),
		CATEGORY_TEACHER("guru3@otos.test"), OTHER_CATEGORY_TEACHER("guru2@otos.test"), OPERATOR("operator@otos.test"),
		ADMIN("admin@otos.test");

		final String email;

		Who(String email) {
			this.email = email;
		}

	}

	/** What they ask for. */
	enum Op {

		PAGE, REPLY, RESOLVE, SET_STATUS_CLOSED, CLOSE, REQUEST_CLOSE, ASSIGN, CLAIM, PRIORITY, ATTACHMENT,

		/** Write an internal note. */
		NOTE,

		/**
		 * See the thread's internal note on its page: 403 here stands for a page shown
		 * without it.
		 */
		SEE_NOTE,

		/** Issue 13: status, priority and handler in one form (columns of DESK_SPEC). */
		TRIAGE,

		/** Issue 13: the teacher holding the thread hands it to a colleague. */
		HAND_OFF

	}

	static final Outcome O = Outcome.OK;

	static final Outcome R = Outcome.REFUSED;

	static final Outcome F = Outcome.FORBIDDEN;

	static final Outcome N = Outcome.NOT_FOUND;

	/**
	 * The specification. Columns: PAGE, REPLY, RESOLVE, SET_STATUS_CLOSED, CLOSE,
	 * REQUEST_CLOSE, ASSIGN, CLAIM, PRIORITY, ATTACHMENT, NOTE, SEE_NOTE.
	 */
	static final Map<On, Map<Who, Outcome[]>> SPEC = Map.of(On.ACADEMIC_ASSIGNED,
			Map.of(Who.OWNER_STUDENT, new Outcome[] { O, O, F, F, O, F, F, F, F, O, F, F }, Who.OTHER_STUDENT,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.ASSIGNED_TEACHER,
					new Outcome[] { O, O, O, F, F, O, F, R, F, O, O, O }, Who.CATEGORY_TEACHER,
					new Outcome[] { O, O, O, F, F, O, F, R, F, O, O, O }, Who.OTHER_CATEGORY_TEACHER,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.OPERATOR,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.ADMIN,
					new Outcome[] { O, O, O, O, O, F, O, R, O, O, O, O }),
			On.ACADEMIC_UNASSIGNED,
			Map.of(Who.OWNER_STUDENT, new Outcome[] { O, O, F, F, O, F, F, F, F, O, F, F }, Who.OTHER_STUDENT,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.ASSIGNED_TEACHER,
					new Outcome[] { O, O, O, F, F, O, F, O, F, O, O, O }, Who.CATEGORY_TEACHER,
					new Outcome[] { O, O, O, F, F, O, F, O, F, O, O, O }, Who.OTHER_CATEGORY_TEACHER,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.OPERATOR,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.ADMIN,
					new Outcome[] { O, O, O, O, O, F, O, O, O, O, O, O }),
			On.TECHNICAL_UNASSIGNED,
			Map.of(Who.OWNER_STUDENT, new Outcome[] { O, O, F, F, O, F, F, F, F, O, F, F }, Who.OTHER_STUDENT,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.ASSIGNED_TEACHER,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.CATEGORY_TEACHER,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.OTHER_CATEGORY_TEACHER,
					new Outcome[] { N, N, N, N, N, N, N, N, N, N, N, N }, Who.OPERATOR,
					new Outcome[] { O, O, O, O, O, F, O, O, O, O, O, O }, Who.ADMIN,
					new Outcome[] { O, O, O, O, O, F, O, O, O, O, O, O }));

	/**
	 * The columns of issue 13, TRIAGE and HAND_OFF, for the same rows: staff triage what
	 * they may open, teachers may not (403); only the teacher holding the thread hands it
	 * on.
	 */
	static final Map<On, Map<Who, Outcome[]>> DESK_SPEC = Map.of(On.ACADEMIC_ASSIGNED, Map.of(Who.OWNER_STUDENT,
			new Outcome[] { F, F }, Who.OTHER_STUDENT, new Outcome[] { N, N }, Who.ASSIGNED_TEACHER,
			new Outcome[] { F, O }, Who.CATEGORY_TEACHER, new Outcome[] { F, F }, Who.OTHER_CATEGORY_TEACHER,
			new Outcome[] { N, N }, Who.OPERATOR, new Outcome[] { N, N }, Who.ADMIN, new Outcome[] { O, F }),
			On.ACADEMIC_UNASSIGNED,
			Map.of(Who.OWNER_STUDENT, new Outcome[] { F, F }, Who.OTHER_STUDENT, new Outcome[] { N, N },
					Who.ASSIGNED_TEACHER, new Outcome[] { F, F }, Who.CATEGORY_TEACHER, new Outcome[] { F, F },
					Who.OTHER_CATEGORY_TEACHER, new Outcome[] { N, N }, Who.OPERATOR, new Outcome[] { N, N }, Who.ADMIN,
					new Outcome[] { O, F }),
			On.TECHNICAL_UNASSIGNED,
			Map.of(Who.OWNER_STUDENT, new Outcome[] { F, F }, Who.OTHER_STUDENT, new Outcome[] { N, N },
					Who.ASSIGNED_TEACHER, new Outcome[] { N, N }, Who.CATEGORY_TEACHER, new Outcome[] { N, N },
					Who.OTHER_CATEGORY_TEACHER, new Outcome[] { N, N }, Who.OPERATOR, new Outcome[] { O, F }, Who.ADMIN,
					new Outcome[] { O, F }));

	@Autowired
	MockMvc mvc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	InternalNotes notes;

	@Autowired
	Viewers viewers;

	@Autowired
	Accounts accounts;

	@Autowired
	Categories categories;

	@Autowired
	Attachments attachments;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entities;

	Map<On, Long> threads;

	long guru3;

	long admin;

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		SPEC.forEach((on, row) -> row.forEach((who, outcomes) -> {
			Outcome[] desk = DESK_SPEC.get(on).get(who);
			for (Op op : Op.values()) {
				int column = op.ordinal();
				cells.add(Arguments.of(on, who, op,
						(column < outcomes.length) ? outcomes[column] : desk[column - outcomes.length]));
			}
		}));
		return cells.stream();
	}

	@BeforeEach
	void threads() {
		long matematika = this.categories.all()
			.stream()
			.filter((category) -> category.name().equals("Matematika"))
			.mapToLong(CategoryView::id)
			.findFirst()
			.orElseThrow();
		this.guru3 = this.accounts.register(new NewAccount("guru3@otos.test", "guru3", "Citra", "Dewi", null,
				RoleName.TEACHER, DemoLogIn.PASSWORD));
		this.categories.assignTeacher(matematika, this.guru3);
		this.admin = viewer(Who.ADMIN).userId();
		Viewer siswa1 = viewer(Who.OWNER_STUDENT);
		long guru1 = viewer(Who.ASSIGNED_TEACHER).userId();
		long assigned = open(siswa1, ThreadType.ACADEMIC, matematika, guru1);
		long unassigned = open(siswa1, ThreadType.ACADEMIC, matematika, guru1);
		this.desk.assign(viewer(Who.ADMIN), unassigned, null, "matrix");
		long technical = open(siswa1, ThreadType.TECHNICAL, null, null);
		this.desk.assign(viewer(Who.ADMIN), technical, null, "matrix");
		this.threads = Map.of(On.ACADEMIC_ASSIGNED, assigned, On.ACADEMIC_UNASSIGNED, unassigned,
				On.TECHNICAL_UNASSIGNED, technical);
		this.threads.values().forEach((thread) -> this.notes.add(viewer(Who.ADMIN), thread, secretNote(thread), null));
		this.entities.flush();
	}

	@ParameterizedTest(name = "{1} {2} on {0} → {3}")
	@MethodSource("cells")
	void matrix(On on, Who who, Op op, Outcome expected) throws Exception {
		long thread = this.threads.get(on);
		String before = state(thread);

		MvcResult result = this.mvc.perform(request(op, thread, on).with(user(principal(who)))).andReturn();

		Outcome outcome = outcome(result, thread);
		if (op == Op.SEE_NOTE && outcome == Outcome.OK) {
			String page = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			outcome = page.contains(secretNote(thread)) ? Outcome.OK : Outcome.FORBIDDEN;
			assertThat(page.contains("data-note-id")).as("any note on the page").isEqualTo(outcome == Outcome.OK);
		}
		assertThat(outcome).isEqualTo(expected);
		if (expected != Outcome.OK) {
			assertThat(state(thread)).as("a refused request changes nothing").isEqualTo(before);
		}
	}

	@Test
	void aThreadPagesLiveUpdatesFollowThePagesRule() throws Exception {
		for (On on : On.values()) {
			for (Who who : Who.values()) {
				long thread = this.threads.get(on);
				int page = this.mvc.perform(get("/messages/thread/" + thread + "/").with(user(principal(who))))
					.andReturn()
					.getResponse()
					.getStatus();
				int updates = this.mvc
					.perform(get("/messages/thread/" + thread + "/messages").param("after", "0")
						.with(user(principal(who))))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(updates).as(who + " on " + on).isEqualTo(page).isIn(200, 404);
			}
		}
	}

	@Test
	void aHandlerWhoClaimsAThreadSomeoneTookFirstIsToldSoAndTheFirstKeepsIt() throws Exception {
		long thread = this.threads.get(On.ACADEMIC_UNASSIGNED);
		long first = viewer(Who.ASSIGNED_TEACHER).userId();
		this.mvc
			.perform(post("/messages/thread/" + thread + "/").param("action", "claim")
				.with(user(principal(Who.ASSIGNED_TEACHER)))
				.with(csrf()))
			.andReturn();
		this.entities.flush();
		String before = state(thread);

		MvcResult second = this.mvc
			.perform(post("/messages/thread/" + thread + "/").param("action", "claim")
				.with(user(principal(Who.CATEGORY_TEACHER)))
				.with(csrf()))
			.andReturn();

		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/messages/thread/" + thread + "/");
		assertThat(second.getFlashMap().get("flashError")).isEqualTo("thread.error.already-claimed");
		assertThat(state(thread)).isEqualTo(before).contains("/" + first + "/");
	}

	@Test
	void theMatrixCoversEveryRelationshipAndOperation() {
		assertThat(cells()).hasSize(On.values().length * Who.values().length * Op.values().length);
	}

	@Test
	void onlyStudentsOpenThreadsAndOnlyStaffBroadcast() throws Exception {
		for (Who who : Who.values()) {
			int create = this.mvc.perform(get("/messages/create/").with(user(principal(who))))
				.andReturn()
				.getResponse()
				.getStatus();
			int broadcast = this.mvc.perform(get("/messages/broadcast/").with(user(principal(who))))
				.andReturn()
				.getResponse()
				.getStatus();
			int broadcasts = this.mvc.perform(get("/messages/broadcasts/").with(user(principal(who))))
				.andReturn()
				.getResponse()
				.getStatus();
			int answers = this.mvc.perform(get("/messages/answers/").with(user(principal(who))))
				.andReturn()
				.getResponse()
				.getStatus();
			int unread = this.mvc.perform(get("/api/messages/unread-count/").with(user(principal(who))))
				.andReturn()
				.getResponse()
				.getStatus();
			boolean student = who == Who.OWNER_STUDENT || who == Who.OTHER_STUDENT;
			assertThat(create).as(who + " new thread page").isEqualTo(student ? 200 : 403);
			assertThat(broadcast).as(who + " broadcast page")
				.isEqualTo((who == Who.OPERATOR || who == Who.ADMIN) ? 200 : 403);
			assertThat(broadcasts).as(who + " sent broadcasts page")
				.isEqualTo((who == Who.OPERATOR || who == Who.ADMIN) ? 200 : 403);
			assertThat(answers).as(who + " ready answers page").isEqualTo(student ? 403 : 200);
			assertThat(unread).as(who + " unread count").isEqualTo(200);
		}
	}

	@Test
	void onlyStaffStartConversationsWithStudents() throws Exception {
		long siswa2 = viewer(Who.OTHER_STUDENT).userId();
		for (Who who : Who.values()) {
			int page = this.mvc.perform(get("/messages/start/").with(user(principal(who))))
				.andReturn()
				.getResponse()
				.getStatus();
			MvcResult start = this.mvc
				.perform(post("/messages/start/").param("student", String.valueOf(siswa2))
					.param("thread_type", "general")
					.param("priority", "normal")
					.param("title", "Pengingat")
					.param("content", "Jangan lupa tryout Sabtu.")
					.with(user(principal(who)))
					.with(csrf()))
				.andReturn();
			boolean staff = who == Who.OPERATOR || who == Who.ADMIN;
			assertThat(page).as(who + " start page").isEqualTo(staff ? 200 : 403);
			assertThat(start.getResponse().getStatus()).as(who + " starts").isEqualTo(staff ? 302 : 403);
		}
		assertThat(this.jdbc.sql("select count(*) from otosapp_messagethread where student_id = :s")
			.param("s", siswa2)
			.query(Long.class)
			.single()).as("one conversation per staff member").isEqualTo(2);
	}

	@Test
	void onlyAdminsSeeAndSetTheResponseTargets() throws Exception {
		String defaults = targets();
		try {
			for (Who who : Who.values()) {
				String before = targets();
				int page = this.mvc.perform(get("/messages/targets/").with(user(principal(who))))
					.andReturn()
					.getResponse()
					.getStatus();
				int set = this.mvc
					.perform(post("/messages/targets/").with(csrf())
						.with(user(principal(who)))
						.param("urgent", "3")
						.param("high", "9")
						.param("normal", "25")
						.param("low", "73"))
					.andReturn()
					.getResponse()
					.getStatus();
				boolean admin = who == Who.ADMIN;
				assertThat(page).as(who + " response targets page").isEqualTo(admin ? 200 : 403);
				assertThat(set).as(who + " sets response targets").isEqualTo(admin ? 302 : 403);
				assertThat(targets()).as(who + " response targets after")
					.isEqualTo(admin ? "high=540,low=4380,normal=1500,urgent=180" : before);
			}
		}
		finally {
			for (String target : defaults.split(",")) {
				String[] pair = target.split("=");
				this.jdbc.sql("update otos_response_target set target_minutes = :m where priority = :p")
					.param("m", Integer.parseInt(pair[1]))
					.param("p", pair[0])
					.update();
			}
		}
	}

	@Test
	void studentsHaveNoOverviewAndNoExport() throws Exception {
		for (Who who : Who.values()) {
			int overview = this.mvc.perform(get("/messages/overview/").with(user(principal(who))))
				.andReturn()
				.getResponse()
				.getStatus();
			int export = this.mvc.perform(get("/messages/export.csv").with(user(principal(who))))
				.andReturn()
				.getResponse()
				.getStatus();
			boolean student = who == Who.OWNER_STUDENT || who == Who.OTHER_STUDENT;
			assertThat(overview).as(who + " overview").isEqualTo(student ? 403 : 200);
			assertThat(export).as(who + " CSV export").isEqualTo(student ? 403 : 200);
		}
	}

	private String targets() {
		return String.join(",",
				this.jdbc.sql("select priority || '=' || target_minutes from otos_response_target order by priority")
					.query(String.class)
					.list());
	}

	private MockHttpServletRequestBuilder request(Op op, long thread, On on) {
		String url = "/messages/thread/" + thread + "/";
		Function<String, MockHttpServletRequestBuilder> action = (name) -> post(url).param("action", name).with(csrf());
		return switch (op) {
			case PAGE -> get(url);
			case REPLY -> action.apply("reply").param("content", "Terima kasih");
			case RESOLVE -> action.apply("update_status").param("status", "resolved");
			case SET_STATUS_CLOSED -> action.apply("update_status").param("status", "closed");
			case CLOSE -> action.apply("close_thread");
			case REQUEST_CLOSE -> action.apply("request_close");
			case ASSIGN -> action.apply("assign")
				.param("handler", String.valueOf((on == On.TECHNICAL_UNASSIGNED) ? this.admin : this.guru3));
			case CLAIM -> action.apply("claim");
			case PRIORITY -> action.apply("update_priority").param("priority", "urgent");
			case TRIAGE -> action.apply("triage")
				.param("status", "pending")
				.param("priority", "high")
				.param("handler", String.valueOf((on == On.TECHNICAL_UNASSIGNED) ? this.admin : this.guru3))
				.param("note", "tolong dicek");
			case HAND_OFF ->
				action.apply("handoff").param("handler", String.valueOf(this.guru3)).param("note", "tolong");
			case ATTACHMENT -> get(url + "attachments/" + firstMessage(thread) + "/");
			case NOTE -> action.apply("note").param("content", "Catatan untuk rekan").param("submission_key", "matrix");
			case SEE_NOTE -> get(url);
		};
	}

	private Outcome outcome(MvcResult result, long thread) {
		int status = result.getResponse().getStatus();
		if (status == 404) {
			return Outcome.NOT_FOUND;
		}
		if (status == 403) {
			return Outcome.FORBIDDEN;
		}
		if (status == 200) {
			return Outcome.OK;
		}
		assertThat(status).as("an allowed action redirects back to the thread").isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/messages/thread/" + thread + "/");
		if (result.getFlashMap().containsKey("flashError")) {
			return Outcome.REFUSED;
		}
		assertThat((Map<String, Object>) result.getFlashMap()).as("allowed and carried out")
			.containsKey("flashSuccess")
			.doesNotContainKey("flashError");
		return Outcome.OK;
	}

	private String state(long thread) {
		return this.jdbc
			.sql("""
					select status || '/' || coalesce(cast(teacher_or_admin_id as varchar(20)), '-') || '/' || priority || '/'
					       || (select count(*) from otosapp_message where thread_id = t.id) || '/'
					       || (select count(*) from otos_thread_note where thread_id = t.id)
					from otosapp_messagethread t where id = :id
					""")
			.param("id", thread)
			.query(String.class)
			.single();
	}

	private static String secretNote(long thread) {
		return "Catatan internal matriks " + thread;
	}

	private long firstMessage(long thread) {
		return this.jdbc.sql("select min(id) from otosapp_message where thread_id = :id")
			.param("id", thread)
			.query(Long.class)
			.single();
	}

	private long open(Viewer student, ThreadType type, Long category, Long teacher) {
		return this.desk.open(student,
				new NewThread("Soal " + type, type, category, teacher, Priority.NORMAL, "Tolong bantu", null),
				this.attachments.accept("soal.pdf", "%PDF-1.4 soal".getBytes()));
	}

	private CurrentUser principal(Who who) {
		return (CurrentUser) this.users.loadUserByUsername(who.email);
	}

	private Viewer viewer(Who who) {
		return this.viewers.of(principal(who));
	}

}
