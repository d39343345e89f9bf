package id.otos.messaging.threads.web;

import java.util.List;
import java.util.UUID;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.InboxFilter;
import id.otos.messaging.threads.InboxRow;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A broadcast is one thing to its sender: one row on their broadcasts page with how many
 * replied, no inbox row per student until the student writes, and a page listing the
 * threads with replies that only the sender and admins see.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class BroadcastPagesChecks {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inbox inbox;

	@Autowired
	ThreadDesk desk;

	@Autowired
	Viewers viewers;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theSenderSeesOneBroadcastAndOnlyTheThreadsWithRepliesAsInboxRows() throws Exception {
		long broadcast = broadcastToEveryStudent("operator@otos.test", "Jadwal tryout");
		assertThat(threadsOf(broadcast)).hasSize(3);
		Viewer operator = viewer("operator@otos.test");
		assertThat(inboxThreads(operator)).as("no row per student before anyone replies")
			.doesNotContainAnyElementsOf(threadsOf(broadcast));

		long siswa1Thread = threadOf(broadcast, "siswa1@otos.test");
		this.desk.reply(viewer("siswa1@otos.test"), siswa1Thread, "Baik, terima kasih.", null, null);

		assertThat(inboxThreads(operator)).as("the replied thread is a row like any other")
			.contains(siswa1Thread)
			.doesNotContain(threadOf(broadcast, "siswa2@otos.test"), threadOf(broadcast, "siswa3@otos.test"));
		assertThat(this.inbox.unreadCount(operator)).as("the count is the sum of the badges")
			.isEqualTo(badges(operator))
			.isEqualTo(1);
		this.mvc.perform(get("/messages/broadcasts/").with(user(principal("operator@otos.test"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"broadcast-" + broadcast + "\"")))
			.andExpect(content().string(containsString("<td class=\"recipients\" data-label=\"Penerima\">3</td>")))
			.andExpect(content().string(containsString("<td class=\"replied\" data-label=\"Membalas\">1</td>")));
		this.mvc.perform(get("/messages/broadcasts/" + broadcast + "/").with(user(principal("operator@otos.test"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/messages/thread/" + siswa1Thread + "/\"")))
			.andExpect(content().string(
					not(containsString("href=\"/messages/thread/" + threadOf(broadcast, "siswa2@otos.test") + "/\""))));
	}

	@Test
	void aThreadSomeoneElseWroteInIsARowForTheSenderSoItsUnreadMessageIsCountedAndShown() throws Exception {
		long broadcast = broadcastToEveryStudent("operator@otos.test", "Jadwal tryout");
		long siswa2Thread = threadOf(broadcast, "siswa2@otos.test");
		this.desk.reply(viewer("admin@otos.test"), siswa2Thread, "Tambahan dari admin.", null, null);

		Viewer operator = viewer("operator@otos.test");
		assertThat(inboxThreads(operator)).containsExactly(siswa2Thread);
		assertThat(this.inbox.unreadCount(operator)).isEqualTo(badges(operator)).isEqualTo(1);
	}

	@Test
	void onlyTheSenderAndAdminsSeeABroadcast() throws Exception {
		long broadcast = broadcastToEveryStudent("admin@otos.test", "Info admin");
		for (String who : List.of("siswa1@otos.test", "guru1@otos.test")) {
			this.mvc.perform(get("/messages/broadcasts/").with(user(principal(who)))).andExpect(status().isForbidden());
			this.mvc.perform(get("/messages/broadcasts/" + broadcast + "/").with(user(principal(who))))
				.andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/messages/broadcasts/" + broadcast + "/").with(user(principal("operator@otos.test"))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/messages/broadcasts/").with(user(principal("operator@otos.test"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"broadcast-" + broadcast + "\""))));
		this.mvc.perform(get("/messages/broadcasts/" + broadcast + "/").with(user(principal("admin@otos.test"))))
			.andExpect(status().isOk());
		this.mvc.perform(get("/messages/broadcasts/" + Long.MAX_VALUE + "/").with(user(principal("admin@otos.test"))))
			.andExpect(status().isNotFound());
	}

	private long broadcastToEveryStudent(String sender, String title) throws Exception {
		this.mvc
			.perform(post("/messages/broadcast/").param("title", title)
				.param("content", "Tryout dimulai Sabtu.")
				.param("priority", "normal")
				.param("all_students", "yes")
				.param("confirm", "3")
				.param("submission_key", UUID.randomUUID().toString())
				.with(user(principal(sender)))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/messages/broadcasts/*/"));
		return this.jdbc
			.sql("select b.id from otos_broadcast b join otosapp_user u on u.id = b.sender_id"
					+ " where u.email = :sender and b.title = :title")
			.param("sender", sender)
			.param("title", title)
			.query(Long.class)
			.single();
	}

	private List<Long> threadsOf(long broadcast) {
		return this.jdbc.sql("select thread_id from otos_broadcast_thread where broadcast_id = :id")
			.param("id", broadcast)
			.query(Long.class)
			.list();
	}

	private long threadOf(long broadcast, String student) {
		return this.jdbc.sql("""
				select t.id from otos_broadcast_thread bt
				join otosapp_messagethread t on t.id = bt.thread_id
				join otosapp_user u on u.id = t.student_id
				where bt.broadcast_id = :id and u.email = :student
				""").param("id", broadcast).param("student", student).query(Long.class).single();
	}

	private List<Long> inboxThreads(Viewer viewer) {
		return this.inbox.page(viewer, new InboxFilter(null, null, null, 1, 100))
			.rows()
			.stream()
			.map(InboxRow::id)
			.toList();
	}

	private long badges(Viewer viewer) {
		return this.inbox.page(viewer, new InboxFilter(null, null, null, 1, 100))
			.rows()
			.stream()
			.mapToLong(InboxRow::unread)
			.sum();
	}

	private CurrentUser principal(String email) {
		return (CurrentUser) this.users.loadUserByUsername(email);
	}

	private Viewer viewer(String email) {
		return this.viewers.of(principal(email));
	}

}
