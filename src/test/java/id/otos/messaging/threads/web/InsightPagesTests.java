package id.otos.messaging.threads.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoLogIn;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.MessagesProperties;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the pages show of response times and of long lists: the overdue mark on a thread's
 * page and in its live update, "usually answered within …" for threads other than
 * academic questions, and an inbox that says when more threads match than it counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InsightPagesTests {

	private static final String OVERDUE_BADGE = "<span class=\"badge overdue\">";

	@Autowired
	MockMvc mvc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessagesProperties properties;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theOverdueMarkIsOnThePageAndComesAndGoesInItsLiveUpdate() throws Exception {
		long thread = ask(ThreadType.TECHNICAL, "Aplikasi macet");
		Cookie operator = DemoLogIn.session(this.mvc, "operator@otos.test");
		this.mvc.perform(get("/messages/thread/{id}/messages", thread).param("after", "0").cookie(operator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"thread-overdue\"")))
			.andExpect(content().string(not(containsString(OVERDUE_BADGE))));

		this.jdbc.sql("update otosapp_messagethread set awaiting_reply_since = :then where id = :id")
			.param("then", Timestamp.from(Instant.now().minus(Duration.ofHours(25))))
			.param("id", thread)
			.update();

		this.mvc.perform(get("/messages/thread/{id}/", thread).cookie(operator))
			.andExpect(content().string(containsString(OVERDUE_BADGE)));
		this.mvc.perform(get("/messages/thread/{id}/messages", thread).param("after", "0").cookie(operator))
			.andExpect(content().string(containsString(OVERDUE_BADGE)));

		this.desk.reply(person("operator", RoleName.OPERATOR), thread, "Sudah kami perbaiki", null, null);

		this.mvc.perform(get("/messages/thread/{id}/messages", thread).param("after", "0").cookie(operator))
			.andExpect(content().string(containsString("id=\"thread-overdue\"")))
			.andExpect(content().string(not(containsString(OVERDUE_BADGE))));
	}

	@Test
	void aStudentIsToldTheUsualWaitOfATechnicalThread() throws Exception {
		for (int i = 0; i < 5; i++) {
			long thread = ask(ThreadType.TECHNICAL, "Aplikasi " + i);
			this.desk.reply(person("operator", RoleName.OPERATOR), thread, "Sudah", null, null);
			Instant opened = Instant.now().minus(Duration.ofDays(1));
			this.jdbc
				.sql("update otosapp_messagethread set created_at = :opened, first_response_at = :answered"
						+ " where id = :id")
				.param("opened", Timestamp.from(opened))
				.param("answered", Timestamp.from(opened.plus(Duration.ofMinutes(20))))
				.param("id", thread)
				.update();
		}
		long mine = ask(ThreadType.TECHNICAL, "Tidak bisa masuk");
		Cookie student = DemoLogIn.session(this.mvc, "siswa1@otos.test");

		this.mvc.perform(get("/messages/thread/{id}/", mine).cookie(student))
			.andExpect(content().string(containsString("id=\"usual-wait\"")))
			.andExpect(content().string(containsString("Biasanya dijawab dalam 30 menit")));
		this.mvc.perform(get("/messages/create/").cookie(student))
			.andExpect(content().string(containsString("data-type=\"technical\"")))
			.andExpect(content().string(containsString("Biasanya dijawab dalam 30 menit")));
	}

	@Test
	void anInboxWithMoreThreadsThanItCountsSaysSo() throws Exception {
		long student = person("siswa1", RoleName.STUDENT).userId();
		for (int i = 1; i <= Inbox.TOTAL_CAP + 1; i++) {
			this.jdbc.sql("""
					insert into otosapp_messagethread (title, thread_type, status, created_at, updated_at,
					    last_activity, priority, student_id, created_by_id, version)
					values (:title, 'general', 'open', :at, :at, :at, 'normal', :student, :student, 0)""")
				.param("title", "Banyak " + i)
				.param("at", Timestamp.from(Instant.now().minusSeconds(i)))
				.param("student", student)
				.update();
		}
		Cookie admin = DemoLogIn.session(this.mvc, "admin@otos.test");

		this.mvc.perform(get("/messages/").param("scope", "all").cookie(admin))
			.andExpect(content()
				.string(containsString("Halaman 1 dari " + (Inbox.TOTAL_CAP / this.properties.pageSize()) + "+")))
			.andExpect(content().string(containsString("id=\"inbox-more\"")))
			.andExpect(content().string(containsString("Lebih dari 1.000 percakapan cocok")));
		this.mvc.perform(get("/messages/").param("scope", "all").param("type", "technical").cookie(admin))
			.andExpect(content().string(not(containsString("id=\"inbox-more\""))));
	}

	private long ask(ThreadType type, String title) {
		return this.desk.open(person("siswa1", RoleName.STUDENT),
				new NewThread(title, type, null, null, Priority.NORMAL, "Tolong", null), null);
	}

	private Viewer person(String name, RoleName role) {
		return new Viewer(this.jdbc.sql("select id from otosapp_user where email = :email")
			.param("email", name + "@otos.test")
			.query(Long.class)
			.single(), role, Set.of());
	}

}
