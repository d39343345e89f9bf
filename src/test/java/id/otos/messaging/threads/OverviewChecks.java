package id.otos.messaging.threads;

import java.util.Set;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.Overview.Bar;
import id.otos.messaging.threads.Overview.Dashboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The staff overview's figures, and whose threads they count: admins all, operators the
 * non-academic ones, a teacher their own desk; students have none.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class OverviewChecks {

	@Autowired
	ThreadDesk desk;

	@Autowired
	Overview overview;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	Viewer siswa1;

	Viewer guru1;

	Viewer guru2;

	Viewer operator;

	Viewer admin;

	long matematika;

	long kimia;

	@BeforeEach
	void people() {
		this.matematika = id("select id from otosapp_category where category_name = 'Matematika'");
		this.kimia = id("select id from otosapp_category where category_name = 'Kimia'");
		this.siswa1 = person("siswa1", RoleName.STUDENT, Set.of());
		this.guru1 = person("guru1", RoleName.TEACHER, Set.of(this.matematika));
		this.guru2 = person("guru2", RoleName.TEACHER, Set.of(this.kimia));
		this.operator = person("operator", RoleName.OPERATOR, Set.of());
		this.admin = person("admin", RoleName.ADMIN, Set.of());
	}

	@AfterEach
	void backToTheDemoSchool() {
		this.jdbc.sql("delete from otosapp_category_teachers where category_id = :c and user_id = :u")
			.param("c", this.matematika)
			.param("u", this.guru2.userId())
			.update();
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theOverviewCountsOpenAndWaitingThreadsPerDeskAndCategory() {
		long answered = ask(ThreadType.ACADEMIC, this.matematika, "Integral");
		ask(ThreadType.ACADEMIC, this.matematika, "Turunan");
		ask(ThreadType.ACADEMIC, this.kimia, "Reaksi");
		long closed = ask(ThreadType.TECHNICAL, null, "Aplikasi");
		this.desk.reply(this.guru1, answered, "Jawaban", null, null);
		this.desk.close(this.siswa1, closed);

		Dashboard all = this.overview.of(this.admin);
		assertThat(all.openTotal()).isEqualTo(3);
		assertThat(all.openPerDesk()).containsExactly(new Bar("Budi Santoso", 2, 100),
				new Bar("Sari Wulandari", 1, 50));
		assertThat(all.waitingPerDesk()).containsExactly(new Bar("Budi Santoso", 1, 100),
				new Bar("Sari Wulandari", 1, 100));
		assertThat(all.openPerCategory()).containsExactly(new Bar("Matematika", 2, 100), new Bar("Kimia", 1, 50));
		assertThat(all.newTotal()).isEqualTo(4);
		assertThat(all.firstResponsePerTeacher()).extracting(Overview.MedianBar::label).containsExactly("Budi Santoso");
		assertThat(all.threadsPerDay()).hasSize(29);
	}

	@Test
	void aTeacherSeesTheFiguresOfTheirOwnDeskOnly() {
		long integral = ask(ThreadType.ACADEMIC, this.matematika, "Integral");
		ask(ThreadType.ACADEMIC, this.kimia, "Reaksi");
		this.desk.reply(this.guru1, integral, "Jawaban", null, null);
		this.jdbc.sql("insert into otosapp_category_teachers (category_id, user_id) values (:c, :u)")
			.param("c", this.matematika)
			.param("u", this.guru2.userId())
			.update();
		Viewer colleague = new Viewer(this.guru2.userId(), RoleName.TEACHER, Set.of(this.kimia, this.matematika));

		Dashboard guru2 = this.overview.of(colleague);
		assertThat(guru2.openPerCategory()).containsExactly(new Bar("Kimia", 1, 100));
		assertThat(guru2.firstResponsePerTeacher()).as("not the speed of a colleague of the same category").isEmpty();
		assertThat(guru2.newTotal()).as("a colleague's thread the teacher may open is not on their desk").isEqualTo(1);
		assertThat(this.overview.of(this.operator).openTotal()).as("operators open no academic thread").isZero();
		assertThatExceptionOfType(ThreadForbiddenException.class).isThrownBy(() -> this.overview.of(this.siswa1));
	}

	@Test
	void twoTeachersOfTheSameNameAreTwoDesks() {
		long namesake = this.accounts.register(new NewAccount("budi2@otos.test", "budi2", "Budi", "Santoso", null,
				RoleName.TEACHER, "sandi-awal-123"));
		ask(ThreadType.ACADEMIC, this.matematika, "Integral");
		long reaksi = ask(ThreadType.ACADEMIC, this.kimia, "Reaksi");
		this.jdbc.sql("update otosapp_messagethread set teacher_or_admin_id = :t where id = :id")
			.param("t", namesake)
			.param("id", reaksi)
			.update();

		assertThat(this.overview.of(this.admin).openPerDesk()).containsExactly(new Bar("Budi Santoso", 1, 100),
				new Bar("Budi Santoso", 1, 100));
	}

	private long ask(ThreadType type, Long category, String title) {
		return this.desk.open(this.siswa1, new NewThread(title, type, category, null, Priority.NORMAL, "Tolong", null),
				null);
	}

	private Viewer person(String name, RoleName role, Set<Long> categories) {
		return new Viewer(id("select id from otosapp_user where email = '" + name + "@otos.test'"), role, categories);
	}

	private long id(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
