package id.otos.messaging.threads;

import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a teacher teaches is kept between requests, and a change to it applies at the next
 * request all the same, to the desk and to the unread count.
 */
@SpringBootTest
@ActiveProfiles("test")
class KeptViewersTests {

	@Autowired
	Viewers viewers;

	@Autowired
	Categories categories;

	@Autowired
	UnreadCounts counts;

	@Autowired
	ThreadDesk desk;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void aNewSubjectAppliesAtTheTeachersNextRequest() {
		long guru1 = id("guru1@otos.test");
		long kimia = this.categories.create("Kimia Organik");
		this.categories.assignTeacher(kimia, id("guru2@otos.test"));
		Viewer before = this.viewers.of(guru1, RoleName.TEACHER);
		long countBefore = this.counts.of(before);
		long thread = this.desk.open(this.viewers.of(id("siswa1@otos.test"), RoleName.STUDENT),
				new NewThread("Reaksi redoks", ThreadType.ACADEMIC, kimia, null, Priority.NORMAL, "Bagaimana?", null),
				null);
		// back to the category's queue, where every teacher of the category sees it
		this.desk.assign(this.viewers.of(id("admin@otos.test"), RoleName.ADMIN), thread, null, "antrean");
		assertThat(this.counts.of(this.viewers.of(guru1, RoleName.TEACHER))).as("not their subject yet")
			.isEqualTo(countBefore);

		this.categories.assignTeacher(kimia, guru1);

		Viewer after = this.viewers.of(guru1, RoleName.TEACHER);
		assertThat(after.taughtCategoryIds()).contains(kimia);
		assertThat(this.counts.of(after)).isEqualTo(countBefore + 1);

		this.categories.unassignTeacher(kimia, guru1);

		assertThat(this.viewers.of(guru1, RoleName.TEACHER).taughtCategoryIds()).doesNotContain(kimia);
		assertThat(this.counts.of(this.viewers.of(guru1, RoleName.TEACHER))).isEqualTo(countBefore);
	}

	private long id(String email) {
		return this.jdbc.sql("select id from otosapp_user where email = ?").param(email).query(Long.class).single();
	}

}
