package id.otos.messaging.threads;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routing, double submits and concurrent writers, against a real database.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class ThreadDeskChecks {

	@Autowired
	ThreadDesk desk;

	@Autowired
	Accounts accounts;

	@Autowired
	Categories categories;

	@Autowired
	MessageThreadRepository threads;

	@Autowired
	JdbcClient jdbc;

	Viewer siswa1;

	long matematika;

	long kimia;

	long guru1;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@BeforeEach
	void school() {
		this.siswa1 = new Viewer(id("siswa1@otos.test"), RoleName.STUDENT, Set.of());
		this.matematika = category("Matematika");
		this.kimia = category("Kimia");
		this.guru1 = id("guru1@otos.test");
	}

	@Test
	void academicQuestionGoesToTheTeacherTheStudentPicked() {
		long guru3 = teacher("guru3", this.matematika);

		assertThat(handlerOf(ask(ThreadType.ACADEMIC, this.matematika, guru3))).isEqualTo(guru3);
		assertThat(handlerOf(ask(ThreadType.ACADEMIC, this.matematika, guru3))).isEqualTo(guru3);
	}

	@Test
	void pickingATeacherOfAnotherCategoryIsRefused() {
		long guru2 = id("guru2@otos.test");

		assertThatThrownBy(() -> ask(ThreadType.ACADEMIC, this.matematika, guru2))
			.hasMessage("thread.error.teacher-not-of-category");
		assertThat(this.threads.count()).isZero();
	}

	@Test
	void withoutAPickTheLeastLoadedTeacherGetsItAndTiesGoInTurn() {
		long guru3 = teacher("guru3", this.matematika);
		long guru4 = teacher("guru4", this.matematika);

		List<Long> handlers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			handlers.add(handlerOf(ask(ThreadType.ACADEMIC, this.matematika, null)));
		}

		assertThat(handlers).containsExactly(this.guru1, guru3, guru4, this.guru1, guru3, guru4);
	}

	@Test
	void closedThreadsDoNotCountAsLoad() {
		long guru3 = teacher("guru3", this.matematika);
		long first = ask(ThreadType.ACADEMIC, this.matematika, this.guru1);
		ask(ThreadType.ACADEMIC, this.matematika, this.guru1);
		ask(ThreadType.ACADEMIC, this.matematika, guru3);
		this.desk.close(this.siswa1, first);

		assertThat(handlerOf(ask(ThreadType.ACADEMIC, this.matematika, null))).isEqualTo(this.guru1);
	}

	@Test
	void nonAcademicThreadsGoToAnOperatorElseAnAdmin() {
		long operator = id("operator@otos.test");
		assertThat(handlerOf(ask(ThreadType.TECHNICAL, null, null))).isEqualTo(operator);

		this.jdbc.sql("update otosapp_user set is_active = false where id = :id").param("id", operator).update();

		assertThat(handlerOf(ask(ThreadType.REPORT, null, null))).isEqualTo(id("admin@otos.test"));
	}

	@Test
	void aCategoryWithoutTeachersSendsTheQuestionToAnOperatorElseAnAdmin() {
		long biologi = this.categories.create("Biologi");
		long operator = id("operator@otos.test");

		assertThat(handlerOf(ask(ThreadType.ACADEMIC, biologi, null))).isEqualTo(operator);

		this.jdbc.sql("update otosapp_user set is_active = false where id = :id").param("id", operator).update();

		assertThat(handlerOf(ask(ThreadType.ACADEMIC, biologi, null))).isEqualTo(id("admin@otos.test"));
	}

	@Test
	void studentsCannotOpenInformationThreads() {
		assertThatThrownBy(() -> ask(ThreadType.INFO, null, null)).isInstanceOf(ThreadForbiddenException.class);
	}

	@Test
	void theSameNewThreadFormSubmittedTwiceOpensOneThread() {
		NewThread request = new NewThread("Soal", ThreadType.GENERAL, null, null, Priority.NORMAL, "Halo", "key-1");

		long first = this.desk.open(this.siswa1, request, null);
		long second = this.desk.open(this.siswa1, request, null);

		assertThat(second).isEqualTo(first);
		assertThat(this.threads.count()).isEqualTo(1);
	}

	@Test
	void theSameReplySubmittedTwiceIsOneMessage() {
		long thread = ask(ThreadType.GENERAL, null, null);

		long first = this.desk.reply(this.siswa1, thread, "Masih bingung", "reply-1", null);
		long second = this.desk.reply(this.siswa1, thread, "Masih bingung", "reply-1", null);

		assertThat(second).isEqualTo(first);
		assertThat(messagesIn(thread)).isEqualTo(2);
	}

	@Test
	void aDoubleClickRacingItselfStillMakesOneMessage() throws Exception {
		long thread = ask(ThreadType.GENERAL, null, null);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Long>> clicks = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				clicks.add(() -> this.desk.reply(this.siswa1, thread, "Halo?", "click-1", null));
			}
			Set<Long> ids = new HashSet<>();
			for (Future<Long> click : pool.invokeAll(clicks)) {
				ids.add(click.get());
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(messagesIn(thread)).isEqualTo(2);
	}

	@Test
	void concurrentRepliesToOneThreadAreAllKeptInOrder() throws Exception {
		long thread = ask(ThreadType.GENERAL, null, null);
		Viewer operator = new Viewer(id("operator@otos.test"), RoleName.OPERATOR, Set.of());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Long>> replies = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				Viewer sender = (i % 2 == 0) ? this.siswa1 : operator;
				String text = "pesan " + i;
				replies.add(() -> this.desk.reply(sender, thread, text, null, null));
			}
			for (Future<Long> reply : pool.invokeAll(replies)) {
				reply.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(messagesIn(thread)).isEqualTo(41);
		long last = this.jdbc.sql("select max(id) from otosapp_message where thread_id = :id")
			.param("id", thread)
			.query(Long.class)
			.single();
		assertThat(this.threads.findById(thread).orElseThrow().getLastMessageId()).isEqualTo(last);
	}

	private long ask(ThreadType type, Long category, Long teacher) {
		return this.desk.open(this.siswa1,
				new NewThread("Pertanyaan", type, category, teacher, Priority.NORMAL, "Tolong", null), null);
	}

	private Long handlerOf(long thread) {
		return this.threads.findById(thread).orElseThrow().getHandlerId();
	}

	private long messagesIn(long thread) {
		return this.jdbc.sql("select count(*) from otosapp_message where thread_id = :id")
			.param("id", thread)
			.query(Long.class)
			.single();
	}

	private long teacher(String username, long category) {
		long id = this.accounts.register(new NewAccount(username + "@otos.test", username, "Guru", username, null,
				RoleName.TEACHER, DemoLogIn.PASSWORD));
		this.categories.assignTeacher(category, id);
		return id;
	}

	private long id(String email) {
		return this.accounts.withRole(RoleName.valueOf(roleOf(email)))
			.stream()
			.filter((user) -> user.email().equals(email))
			.mapToLong(UserSummary::id)
			.findFirst()
			.orElseThrow();
	}

	private static String roleOf(String email) {
		if (email.startsWith("siswa")) {
			return "STUDENT";
		}
		if (email.startsWith("guru")) {
			return "TEACHER";
		}
		return email.startsWith("admin") ? "ADMIN" : "OPERATOR";
	}

	private long category(String name) {
		return this.categories.all()
			.stream()
			.filter((category) -> category.name().equals(name))
			.mapToLong(CategoryView::id)
			.findFirst()
			.orElseThrow();
	}

}
