package id.otos.messaging.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.notifications.EventStream.Event;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates between two app nodes: what is posted on node B reaches the streams of the
 * people on node A who may see the thread, and nobody else's. On one node (the embedded
 * database) A and B are the same.
 */
abstract class LiveFanOutChecks {

	static final String PASSWORD = DemoLogIn.PASSWORD;

	static final Duration ARRIVAL = Duration.ofSeconds(10);

	static final Duration GRACE = Duration.ofSeconds(1);

	private static final Pattern SUBMISSION_KEY = Pattern.compile("name=\"submission_key\"\\s+value=\"([^\"]+)\"");

	abstract String nodeA();

	abstract String nodeB();

	/** Node A's application, for setting up data. */
	abstract ApplicationContext applicationA();

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(applicationA().getBean(JdbcClient.class));
	}

	@Test
	void aReplyPostedOnOneNodeReachesTheStudentOnTheOtherNodeAndNobodyWhoMayNotSeeIt() throws Exception {
		long thread = openQuestion("siswa1@otos.test", "Limit tak hingga", "Bagaimana limit x menuju tak hingga?");
		long firstMessage = lastMessageOf(thread);
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		HttpVisitor otherStudent = new HttpVisitor().logIn(nodeA(), "siswa2@otos.test", PASSWORD);
		HttpVisitor teacher = new HttpVisitor().logIn(nodeB(), "guru1@otos.test", PASSWORD);

		try (EventStream studentEvents = student.events(nodeA());
				EventStream otherEvents = otherStudent.events(nodeA())) {
			assertThat(studentEvents.next("hello", ARRIVAL)).isNotNull();
			assertThat(otherEvents.next("hello", ARRIVAL)).isNotNull();

			reply(teacher, thread, "Bagi pembilang dan penyebut dengan x pangkat tertinggi.");

			Event event = studentEvents.next("thread", ARRIVAL);
			assertThat(event).as("the reply's signal on node A").isNotNull();
			assertThat(event.isAbout(thread)).isTrue();
			assertThat(event.data()).contains("\"kind\":\"message\"").doesNotContain("pembilang");
			Thread.sleep(GRACE.toMillis());
			assertThat(otherEvents.drain()).as("events for someone who may not see the thread").isEmpty();
		}
		String update = student.get(nodeA() + "/messages/thread/" + thread + "/messages?after=" + firstMessage).body();
		assertThat(update).contains("Bagi pembilang dan penyebut dengan x pangkat tertinggi.")
			.doesNotContain("Bagaimana limit x menuju tak hingga?");
		assertThat(otherStudent.get(nodeA() + "/messages/thread/" + thread + "/messages?after=0").statusCode())
			.isEqualTo(404);
	}

	@Test
	void anInternalNoteReachesStaffOnTheOtherNodeAndNeverTheStudent() throws Exception {
		long thread = openQuestion("siswa1@otos.test", "Catatan staf", "Apa itu turunan kedua?");
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		HttpVisitor teacher = new HttpVisitor().logIn(nodeA(), "guru1@otos.test", PASSWORD);
		HttpVisitor admin = new HttpVisitor().logIn(nodeB(), "admin@otos.test", PASSWORD);
		long studentBefore = unread(student, nodeA());

		try (EventStream studentEvents = student.events(nodeA()); EventStream teacherEvents = teacher.events(nodeA())) {
			assertThat(studentEvents.next("hello", ARRIVAL)).isNotNull();
			assertThat(teacherEvents.next("hello", ARRIVAL)).isNotNull();

			note(admin, thread, "Orang tuanya sudah menelepon; jawab dengan sabar.");

			Event event = teacherEvents.next("thread", ARRIVAL);
			assertThat(event).as("the note's signal for staff on node A").isNotNull();
			assertThat(event.isAbout(thread)).isTrue();
			assertThat(event.data()).contains("\"kind\":\"note\"").doesNotContain("menelepon");
			Thread.sleep(GRACE.toMillis());
			assertThat(studentEvents.drain()).as("events of a note for the student").isEmpty();
		}
		assertThat(teacher.get(nodeA() + "/messages/thread/" + thread + "/messages?after=0&after_note=0").body())
			.contains("jawab dengan sabar")
			.contains("data-note-id");
		String update = student.get(nodeA() + "/messages/thread/" + thread + "/messages?after=0&after_note=0").body();
		assertThat(update).contains("Apa itu turunan kedua?")
			.doesNotContain("jawab dengan sabar")
			.doesNotContain("data-note-id");
		assertThat(unread(student, nodeA())).isEqualTo(studentBefore);
	}

	@Test
	void aStatusChangeOnOneNodeReachesTheStudentOnTheOther() throws Exception {
		long thread = openQuestion("siswa1@otos.test", "Vektor satuan", "Apa itu vektor satuan?");
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		HttpVisitor teacher = new HttpVisitor().logIn(nodeB(), "guru1@otos.test", PASSWORD);

		try (EventStream studentEvents = student.events(nodeA())) {
			assertThat(studentEvents.next("hello", ARRIVAL)).isNotNull();

			String page = teacher.get(nodeB() + "/messages/thread/" + thread + "/").body();
			assertThat(teacher
				.post(nodeB() + "/messages/thread/" + thread + "/",
						Map.of("action", "request_close", "_csrf", HttpVisitor.csrf(page)))
				.statusCode()).isEqualTo(302);

			Event event = studentEvents.next("thread", ARRIVAL);
			assertThat(event).isNotNull();
			assertThat(event.isAbout(thread)).isTrue();
			assertThat(event.data()).contains("\"kind\":\"changed\"");
		}
		assertThat(
				student.get(nodeA() + "/messages/thread/" + thread + "/messages?after=" + lastMessageOf(thread)).body())
			.contains("data-status=\"pending\"");
	}

	@Test
	void theInboxListFetchedOnAnyNodeShowsOnlyThePersonsOwnDesk() {
		long thread = openQuestion("siswa1@otos.test", "Peluang dadu", "Berapa peluang angka enam?");
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		HttpVisitor otherStudent = new HttpVisitor().logIn(nodeA(), "siswa2@otos.test", PASSWORD);

		String rows = student.get(nodeB() + "/messages/rows/").body();

		assertThat(rows).contains("id=\"inbox-list\"").contains("data-thread-id=\"" + thread + "\"");
		assertThat(student.get(nodeB() + "/messages/rows/?status=closed").body())
			.doesNotContain("data-thread-id=\"" + thread + "\"");
		assertThat(otherStudent.get(nodeB() + "/messages/rows/").body()).contains("id=\"inbox-list\"")
			.doesNotContain("data-thread-id=\"" + thread + "\"");
	}

	@Test
	void whoeverIsNotLoggedInGetsNoStreamAndNoSession() {
		HttpVisitor stranger = new HttpVisitor();

		assertThat(stranger.get(nodeA() + "/messages/events/").statusCode()).isEqualTo(401);
		assertThat(stranger.session()).isNull();
	}

	@Test
	void unreadCountsKeptOnOneNodeFollowWhatHappensOnTheOther() throws Exception {
		HttpVisitor student = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		HttpVisitor teacher = new HttpVisitor().logIn(nodeB(), "guru1@otos.test", PASSWORD);
		long teacherBefore = unread(teacher, nodeA());
		long studentBefore = unread(student, nodeA());

		long thread = openQuestion("siswa1@otos.test", "Hitungan", "Berapa jadinya?");
		assertThat(unread(teacher, nodeA())).as("a change on the node itself shows at once")
			.isEqualTo(teacherBefore + 1);
		reply(teacher, thread, "Segini.");

		awaitUnread(student, nodeA(), studentBefore + 1);
		awaitUnread(teacher, nodeA(), teacherBefore);
	}

	@Test
	void anAccountDeactivatedOnOneNodeIsLoggedOutOnTheOtherWithinMoments() throws Exception {
		ApplicationContext app = applicationA();
		Accounts accounts = app.getBean(Accounts.class);
		String email = "keluar" + System.nanoTime() + "@otos.test";
		long id = accounts.register(new NewAccount(email, null, "Siswa", "Keluar", null, RoleName.STUDENT, PASSWORD));
		HttpVisitor student = new HttpVisitor().logIn(nodeB(), email, PASSWORD);
		assertThat(student.get(nodeB() + "/api/me/").statusCode()).isEqualTo(200);
		long admin = app.getBean(JdbcClient.class)
			.sql("select id from otosapp_user where email = 'admin@otos.test'")
			.query(Long.class)
			.single();

		accounts.deactivate(id, admin);

		long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		int status = student.get(nodeB() + "/api/me/").statusCode();
		while (status == 200 && System.nanoTime() < deadline) {
			Thread.sleep(20);
			status = student.get(nodeB() + "/api/me/").statusCode();
		}
		assertThat(status).as("well before the kept account would be read again anyway").isEqualTo(401);
	}

	@Test
	void loggingOutOnOneNodeEndsThatSessionsStreamsOnTheOtherAndNoOthers() throws Exception {
		long thread = openQuestion("siswa1@otos.test", "Setelah keluar", "Masih tersambung?");
		HttpVisitor leaving = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		HttpVisitor staying = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		HttpVisitor teacher = new HttpVisitor().logIn(nodeB(), "guru1@otos.test", PASSWORD);

		try (EventStream left = leaving.events(nodeA()); EventStream stays = staying.events(nodeA())) {
			assertThat(left.next("hello", ARRIVAL)).isNotNull();
			assertThat(stays.next("hello", ARRIVAL)).isNotNull();

			String page = leaving.get(nodeB() + "/messages/").body();
			assertThat(leaving.post(nodeB() + "/logout", Map.of("_csrf", HttpVisitor.csrf(page))).statusCode())
				.isEqualTo(302);

			Event bye = left.next("bye", ARRIVAL);
			assertThat(bye).as("the logged-out session's stream is told why it ends").isNotNull();
			assertThat(bye.data()).contains("\"reason\":\"ended\"");
			assertThat(left.ends(ARRIVAL)).as("the logged-out session's stream ends").isTrue();
			reply(teacher, thread, "Masih.");
			assertThat(stays.next("thread", ARRIVAL)).as("the same person's other session keeps its stream")
				.isNotNull();
			assertThat(stays.ends(Duration.ZERO)).isFalse();
		}
	}

	@Test
	void aPasswordChangedOnOneNodeEndsThePersonsOtherSessionsStreamsOnTheOther() throws Exception {
		String email = "sandi" + System.nanoTime() + "@otos.test";
		applicationA().getBean(Accounts.class)
			.register(new NewAccount(email, null, "Siswa", "Sandi", null, RoleName.STUDENT, PASSWORD));
		HttpVisitor elsewhere = new HttpVisitor().logIn(nodeA(), email, PASSWORD);
		HttpVisitor changing = new HttpVisitor().logIn(nodeB(), email, PASSWORD);

		try (EventStream stream = elsewhere.events(nodeA())) {
			assertThat(stream.next("hello", ARRIVAL)).isNotNull();

			String page = changing.get(nodeB() + "/profile").body();
			assertThat(
					changing
						.post(nodeB() + "/profile/password",
								Map.of("currentPassword", PASSWORD, "newPassword", "sandi-baru-yang-panjang",
										"confirmPassword", "sandi-baru-yang-panjang", "_csrf", HttpVisitor.csrf(page)))
						.statusCode())
				.isEqualTo(302);

			assertThat(stream.next("bye", ARRIVAL)).as("the other session's stream is told it ends").isNotNull();
			assertThat(stream.ends(ARRIVAL)).as("the other session's stream ends").isTrue();
		}
		assertThat(changing.get(nodeB() + "/api/me/").statusCode()).as("the session that changed it goes on")
			.isEqualTo(200);
	}

	@Test
	void aDeactivatedAccountsStreamsEndOnEveryNodeWithoutWaitingForAThreadToChange() throws Exception {
		ApplicationContext app = applicationA();
		String email = "pergi" + System.nanoTime() + "@otos.test";
		long id = app.getBean(Accounts.class)
			.register(new NewAccount(email, null, "Siswa", "Pergi", null, RoleName.STUDENT, PASSWORD));
		HttpVisitor student = new HttpVisitor().logIn(nodeB(), email, PASSWORD);
		long admin = app.getBean(JdbcClient.class)
			.sql("select id from otosapp_user where email = 'admin@otos.test'")
			.query(Long.class)
			.single();

		try (EventStream stream = student.events(nodeA())) {
			assertThat(stream.next("hello", ARRIVAL)).isNotNull();

			app.getBean(Accounts.class).deactivate(id, admin);

			assertThat(stream.next("bye", ARRIVAL)).isNotNull();
			assertThat(stream.ends(ARRIVAL)).as("the deactivated account's stream ends").isTrue();
		}
	}

	@Test
	void eventIdsAreCountedPerStreamSoNoneTellsOfOtherPeoplesActivity() throws Exception {
		long busy = openQuestion("siswa2@otos.test", "Ramai", "Banyak balasan?");
		long quiet = openQuestion("siswa1@otos.test", "Sepi", "Satu balasan?");
		HttpVisitor watcher = new HttpVisitor().logIn(nodeA(), "siswa1@otos.test", PASSWORD);
		HttpVisitor busyStudent = new HttpVisitor().logIn(nodeA(), "siswa2@otos.test", PASSWORD);
		HttpVisitor teacher = new HttpVisitor().logIn(nodeB(), "guru1@otos.test", PASSWORD);

		try (EventStream watching = watcher.events(nodeA()); EventStream other = busyStudent.events(nodeA())) {
			Event hello = watching.next("hello", ARRIVAL);
			assertThat(other.next("hello", ARRIVAL)).isNotNull();
			for (int i = 1; i <= 5; i++) {
				reply(teacher, busy, "Balasan " + i);
				assertThat(other.next("thread", ARRIVAL)).isNotNull();
			}
			reply(teacher, quiet, "Satu saja.");
			Event event = watching.next("thread", ARRIVAL);

			assertThat(event).isNotNull();
			assertThat(List.of(String.valueOf(hello.id()), String.valueOf(event.id())))
				.as("the ids the watcher saw while someone else got five events")
				.containsExactly("1", "2");
		}
	}

	private static long unread(HttpVisitor person, String node) {
		var response = person.get(node + "/api/messages/unread-count/");
		assertThat(response.statusCode()).isEqualTo(200);
		return Long.parseLong(response.body().replaceAll("\\D+", ""));
	}

	private static void awaitUnread(HttpVisitor person, String node, long expected) throws InterruptedException {
		long deadline = System.nanoTime() + ARRIVAL.toNanos();
		long count = unread(person, node);
		while (count != expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
			count = unread(person, node);
		}
		assertThat(count).as("the unread count on %s", node).isEqualTo(expected);
	}

	private long openQuestion(String studentEmail, String title, String content) {
		ApplicationContext app = applicationA();
		Accounts accounts = app.getBean(Accounts.class);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		long studentId = jdbc.sql("select id from otosapp_user where email = ?")
			.param(studentEmail)
			.query(Long.class)
			.single();
		long category = jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
		return app.getBean(ThreadDesk.class)
			.open(app.getBean(Viewers.class).of(accounts.currentUser(studentId).orElseThrow()),
					new NewThread(title, ThreadType.ACADEMIC, category, null, Priority.NORMAL, content, null), null);
	}

	private long lastMessageOf(long thread) {
		List<Long> ids = applicationA().getBean(JdbcClient.class)
			.sql("select id from otosapp_message where thread_id = ? order by id")
			.param(thread)
			.query(Long.class)
			.list();
		return ids.get(ids.size() - 1);
	}

	private void note(HttpVisitor staff, long thread, String content) {
		String page = staff.get(nodeB() + "/messages/thread/" + thread + "/").body();
		assertThat(staff
			.post(nodeB() + "/messages/thread/" + thread + "/", Map.of("action", "note", "content", content,
					"submission_key", "note-" + System.nanoTime(), "_csrf", HttpVisitor.csrf(page)))
			.statusCode()).isEqualTo(302);
	}

	private void reply(HttpVisitor teacher, long thread, String content) {
		String page = teacher.get(nodeB() + "/messages/thread/" + thread + "/").body();
		assertThat(teacher
			.post(nodeB() + "/messages/thread/" + thread + "/",
					Map.of("action", "reply", "content", content, "submission_key",
							HttpVisitor.field(SUBMISSION_KEY, page, "submission_key"), "_csrf", HttpVisitor.csrf(page)))
			.statusCode()).isEqualTo(302);
	}

}
