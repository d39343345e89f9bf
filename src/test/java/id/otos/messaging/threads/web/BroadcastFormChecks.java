package id.otos.messaging.threads.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.Broadcast;
import id.otos.messaging.threads.Broadcasts;
import id.otos.messaging.threads.Message;
import id.otos.messaging.threads.Priority;
import id.otos.messaging.threads.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The broadcast form takes a double submission like the other forms: sent again, or twice
 * at once, it is one broadcast and the sender sees what was sent; a submission key of any
 * length the form takes fits the database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class BroadcastFormChecks {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Broadcasts broadcasts;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	/**
	 * How many sessions of the database wait for a lock another one holds (on H2: are in
	 * the middle of inserting a message, which waits for the other's row).
	 */
	abstract String blockedSessionsQuery();

	@Test
	void aSubmissionKeyAsLongAsTheFormTakesIsOneBroadcastEvenWhenSentAgain() throws Exception {
		String key = "k".repeat(Message.SUBMISSION_KEY_MAX);

		for (int sending = 0; sending < 2; sending++) {
			this.mvc.perform(broadcast("Libur \r\nsekolah", key, siswa("siswa1"), siswa("siswa2")))
				.andExpect(redirectedUrlPattern("/messages/broadcasts/*/"))
				.andExpect(flash().attribute("flashSuccess", "broadcast.done"))
				.andExpect(flash().attribute("flashSuccessArgument", 2));
		}
		assertThat(this.jdbc.sql("select title from otosapp_messagethread where thread_type = 'info'")
			.query(String.class)
			.list()).containsExactly("Libur sekolah", "Libur sekolah");
		assertThat(this.jdbc.sql("select count(*) from otos_broadcast").query(Long.class).single()).as("one broadcast")
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from otos_broadcast_thread").query(Long.class).single())
			.as("with both threads")
			.isEqualTo(2);
	}

	@Test
	void allStudentsShowsTheNumberFirstAndSendsThatManyThreadsOnConfirming() throws Exception {
		this.jdbc.sql("update otosapp_user set is_active = false where email = 'siswa3@otos.test'").update();

		MvcResult preview = this.mvc.perform(broadcastForm("all_students", "yes"))
			.andExpect(status().isOk())
			.andReturn();
		String count = shownCount(preview);
		assertThat(count).isEqualTo("2");
		assertThat(infoThreads()).as("the first submission only counts").isZero();

		this.mvc.perform(broadcastForm("all_students", "yes", "confirm", count))
			.andExpect(redirectedUrlPattern("/messages/broadcasts/*/"))
			.andExpect(flash().attribute("flashSuccessArgument", 2));
		assertThat(this.jdbc.sql("select student_id from otosapp_messagethread where thread_type = 'info'")
			.query(Long.class)
			.set()).containsExactlyInAnyOrder(siswa("siswa1"), siswa("siswa2"));
	}

	@Test
	void aConfirmedNumberThatNoLongerHoldsShowsTheNewNumberAndSendsNothing() throws Exception {
		this.mvc.perform(broadcastForm("all_students", "yes", "confirm", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ini akan mengirim 3 utas ke 3 siswa")));
		assertThat(infoThreads()).isZero();
	}

	@Test
	void aCategoryReachesTheStudentsWhoOpenedAThreadInItThemselves() throws Exception {
		long matematika = category("Matematika");
		long operator = id("operator@otos.test");
		thread("technical", matematika, siswa("siswa1"), siswa("siswa1"));
		thread("general", matematika, siswa("siswa2"), null);
		thread("academic", matematika, siswa("siswa3"), operator);
		thread("info", matematika, siswa("siswa3"), null);
		thread("academic", category("Fisika"), siswa("siswa3"), siswa("siswa3"));

		MvcResult preview = this.mvc.perform(broadcastForm("category", String.valueOf(matematika)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"category-rule\"")))
			.andReturn();
		String count = shownCount(preview);
		assertThat(count).isEqualTo("2");

		this.mvc.perform(broadcastForm("category", String.valueOf(matematika), "confirm", count))
			.andExpect(redirectedUrlPattern("/messages/broadcasts/*/"))
			.andExpect(flash().attribute("flashSuccessArgument", 2));
		assertThat(this.jdbc
			.sql("select student_id from otosapp_messagethread where thread_type = 'info'"
					+ " and created_by_id = :operator")
			.param("operator", operator)
			.query(Long.class)
			.set()).containsExactlyInAnyOrder(siswa("siswa1"), siswa("siswa2"));
	}

	@Test
	void aKeyLongerThanTheFormTakesIsAMessageAndSendsNothing() throws Exception {
		this.mvc.perform(broadcast("Libur", "k".repeat(Message.SUBMISSION_KEY_MAX + 1), siswa("siswa1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-submission_key\"")));
		assertThat(infoThreads()).isZero();
	}

	@Test
	void aBroadcastSentTwiceAtOnceIsOneBroadcastAndTheSecondSenderSeesWhatWasSent() throws Exception {
		String key = UUID.randomUUID().toString();
		long operatorId = id("operator@otos.test");
		long siswa1 = siswa("siswa1");
		Viewer operator = new Viewer(operatorId, RoleName.OPERATOR, Set.of());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch firstSent = new CountDownLatch(1);
			CountDownLatch commitFirst = new CountDownLatch(1);
			Future<Integer> first = pool.submit(() -> this.transactions.execute((status) -> {
				int sent = this.broadcasts
					.send(operator,
							new Broadcast("Libur", "Besok libur.", Priority.NORMAL, false, java.util.List.of(siswa1),
									null, key))
					.recipients();
				firstSent.countDown();
				await(commitFirst);
				return sent;
			}));
			assertThat(firstSent.await(30, TimeUnit.SECONDS)).isTrue();
			Future<MvcResult> second = pool.submit(() -> this.mvc.perform(broadcast("Libur", key, siswa1)).andReturn());
			waitUntilASessionWaitsForALock();
			commitFirst.countDown();

			assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
			MvcResult answer = second.get(30, TimeUnit.SECONDS);
			assertThat(answer.getResponse().getStatus()).isEqualTo(302);
			assertThat(answer.getResponse().getRedirectedUrl()).matches("/messages/broadcasts/\\d+/");
			Map<String, Object> flash = answer.getFlashMap();
			assertThat(flash).containsEntry("flashSuccess", "broadcast.done").containsEntry("flashSuccessArgument", 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(infoThreads()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from otosapp_message").query(Long.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from otos_broadcast").query(Long.class).single()).isEqualTo(1);
	}

	private void waitUntilASessionWaitsForALock() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.jdbc.sql(blockedSessionsQuery()).query(Long.class).single() == 0) {
			assertThat(System.nanoTime()).as("the second submission waits for the first's row").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private MockHttpServletRequestBuilder broadcast(String title, String key, long... students) {
		MockHttpServletRequestBuilder request = post("/messages/broadcast/").param("title", title)
			.param("content", "Besok libur.")
			.param("priority", "normal")
			.param("submission_key", key)
			.param("confirm", String.valueOf(students.length));
		for (long student : students) {
			request.param("students", String.valueOf(student));
		}
		return request.with(user((CurrentUser) this.users.loadUserByUsername("operator@otos.test"))).with(csrf());
	}

	private MockHttpServletRequestBuilder broadcastForm(String... params) {
		MockHttpServletRequestBuilder request = post("/messages/broadcast/").param("title", "Tryout nasional")
			.param("content", "Tryout dimulai Sabtu.")
			.param("priority", "normal")
			.param("submission_key", UUID.randomUUID().toString());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.with(user((CurrentUser) this.users.loadUserByUsername("operator@otos.test"))).with(csrf());
	}

	private String shownCount(MvcResult preview) throws Exception {
		String page = preview.getResponse().getContentAsString();
		java.util.regex.Matcher confirm = java.util.regex.Pattern
			.compile("id=\"broadcast-confirm\"[^>]*value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*id=\"broadcast-confirm\"")
			.matcher(page);
		assertThat(confirm.find()).as("the confirm button carries the number shown").isTrue();
		String count = (confirm.group(1) != null) ? confirm.group(1) : confirm.group(2);
		assertThat(page).contains("Ini akan mengirim " + count + " utas ke " + count + " siswa");
		return count;
	}

	private long category(String name) {
		return this.jdbc.sql("select id from otosapp_category where category_name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private void thread(String type, long category, long student, Long startedBy) {
		this.jdbc.sql("""
				insert into otosapp_messagethread (title, thread_type, status, created_at, updated_at, last_activity,
				    priority, category_id, student_id, teacher_or_admin_id, created_by_id, version)
				values ('Soal', :type, 'open', current_timestamp, current_timestamp, current_timestamp, 'normal',
				    :category, :student, null, :startedBy, 0)
				""")
			.param("type", type)
			.param("category", category)
			.param("student", student)
			.param("startedBy", startedBy)
			.update();
	}

	private long siswa(String name) {
		return id(name + "@otos.test");
	}

	private long id(String email) {
		return this.jdbc.sql("select id from otosapp_user where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private long infoThreads() {
		return this.jdbc.sql("select count(*) from otosapp_messagethread where thread_type = 'info'")
			.query(Long.class)
			.single();
	}

}
