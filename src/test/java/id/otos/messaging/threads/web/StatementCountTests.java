package id.otos.messaging.threads.web;

import java.util.Set;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.support.ForgetKeptCounts;
import id.otos.messaging.support.StatementCounting;
import id.otos.messaging.threads.NewThread;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadType;
import id.otos.messaging.threads.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SQL statements per request, whole requests included (session check, unread badge): the
 * inbox costs the same with one row as with ten (no N+1), and so does the thread page
 * with one message as with ten. Each request is measured with nothing kept from earlier
 * ones (accounts, unread counts), its dearest case. The figures are printed for the
 * record.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StatementCounting.class)
class StatementCountTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ThreadDesk desk;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext application;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void theInboxCostsTheSameWithOneRowAsWithTen() throws Exception {
		CurrentUser siswa1 = principal("siswa1@otos.test");
		CurrentUser siswa2 = principal("siswa2@otos.test");
		ask(siswa1, 1);
		ask(siswa2, 10);

		long one = inbox(siswa1);
		long ten = inbox(siswa2);

		System.out.printf("SQL statements: inbox page with 1 row %d, with 10 rows %d%n", one, ten);
		assertThat(ten).isEqualTo(one);
		assertThat(rows(siswa2)).isEqualTo(10);
	}

	@Test
	void aTeachersInboxCostsTheSameWithOneRowAsWithTen() throws Exception {
		CurrentUser guru1 = principal("guru1@otos.test");
		ask(principal("siswa1@otos.test"), 1);
		long one = inbox(guru1);
		ask(principal("siswa2@otos.test"), 9);

		long ten = inbox(guru1);

		System.out.printf("SQL statements: teacher inbox page with 1 row %d, with 10 rows %d%n", one, ten);
		assertThat(ten).isEqualTo(one);
	}

	@Test
	void anAdminsSearchWithEveryFilterCostsTheSameWithOneRowAsWithTen() throws Exception {
		CurrentUser admin = principal("admin@otos.test");
		String search = "/messages/?search=Pertanyaan&scope=all&unread=1&priority=normal&waiting=0&sort=urgency";
		ask(principal("siswa1@otos.test"), 1);
		long one = count(admin, search);
		ask(principal("siswa2@otos.test"), 9);

		long ten = count(admin, search);
		long overview = count(admin, "/messages/overview/");
		ask(principal("siswa3@otos.test"), 10);

		System.out.printf("SQL statements: admin search with every filter, 1 row %d, 10 rows %d; overview %d%n", one,
				ten, overview);
		assertThat(ten).isEqualTo(one);
		assertThat(count(admin, "/messages/overview/")).as("the overview, twice the threads").isEqualTo(overview);
	}

	@Test
	void theThreadPageCostsTheSameWithOneMessageAsWithTen() throws Exception {
		CurrentUser siswa1 = principal("siswa1@otos.test");
		long thread = ask(siswa1, 1);
		long one = page(siswa1, thread);
		Viewer viewer = new Viewer(siswa1.id(), RoleName.STUDENT, Set.of());
		for (int i = 0; i < 9; i++) {
			this.desk.reply(viewer, thread, "lagi " + i, null, null);
		}

		long ten = page(siswa1, thread);

		System.out.printf("SQL statements: thread page with 1 message %d, with 10 messages %d%n", one, ten);
		assertThat(ten).isEqualTo(one);
	}

	@Test
	void theUnreadCountIsOneStatementPlusTheSessionCheck() throws Exception {
		CurrentUser siswa1 = principal("siswa1@otos.test");
		ask(siswa1, 3);

		forgetWhatIsKept();
		long statements = StatementCounting
			.count(() -> this.mvc.perform(get("/api/messages/unread-count/").with(user(siswa1)))
				.andExpect(status().isOk()));

		System.out.printf("SQL statements: unread count API %d%n", statements);
		assertThat(statements).isLessThanOrEqualTo(2);
	}

	private long inbox(CurrentUser who) throws Exception {
		forgetWhatIsKept();
		return StatementCounting
			.count(() -> this.mvc.perform(get("/messages/").with(user(who))).andExpect(status().isOk()));
	}

	private long count(CurrentUser who, String url) throws Exception {
		forgetWhatIsKept();
		return StatementCounting.count(() -> this.mvc.perform(get(url).with(user(who))).andExpect(status().isOk()));
	}

	private long page(CurrentUser who, long thread) throws Exception {
		forgetWhatIsKept();
		return StatementCounting.count(() -> this.mvc.perform(get("/messages/thread/" + thread + "/").with(user(who)))
			.andExpect(status().isOk()));
	}

	private void forgetWhatIsKept() {
		ForgetKeptCounts.forgetAll(this.application);
	}

	private long rows(CurrentUser who) throws Exception {
		String html = this.mvc.perform(get("/messages/").with(user(who)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return html.split("class=\"thread-row", -1).length - 1;
	}

	private long ask(CurrentUser student, int threads) {
		Viewer viewer = new Viewer(student.id(), RoleName.STUDENT, Set.of());
		long last = 0;
		for (int i = 0; i < threads; i++) {
			last = this.desk.open(viewer, new NewThread("Pertanyaan " + i, ThreadType.ACADEMIC, matematika(), null,
					Priority.NORMAL, "Isi " + i, null), null);
		}
		return last;
	}

	private long matematika() {
		return this.jdbc.sql("select id from otosapp_category where category_name = 'Matematika'")
			.query(Long.class)
			.single();
	}

	private CurrentUser principal(String email) {
		return (CurrentUser) this.users.loadUserByUsername(email);
	}

}
