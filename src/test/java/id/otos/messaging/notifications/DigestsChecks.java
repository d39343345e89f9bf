package id.otos.messaging.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.support.DemoSchool;
import id.otos.messaging.threads.InternalNotes;
import id.otos.messaging.threads.ThreadDesk;
import id.otos.messaging.threads.ThreadPages;
import id.otos.messaging.threads.Viewer;
import id.otos.messaging.threads.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest planner and the outbox sender against a real database: what goes into the
 * outbox, when, and only once; what leaves it, and when again after a failure. A fake
 * mail sender stands in for the server here; {@code DigestMailTests} delivers over SMTP.
 * Run on H2 and PostgreSQL by the subclasses; the planner is called with a time of the
 * test's choosing.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class DigestsChecks {

	@Autowired
	Digests digests;

	@Autowired
	NotificationSettings settings;

	@Autowired
	ThreadDesk desk;

	@Autowired
	ThreadPages pages;

	@Autowired
	InternalNotes notes;

	@Autowired
	Accounts accounts;

	@Autowired
	Viewers viewers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MailOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	NotificationProperties properties;

	@Autowired
	MailProperties mail;

	@Autowired
	OperationsMetrics metrics;

	Conversations talk;

	Viewer siswa1;

	Viewer siswa2;

	Viewer operator;

	@BeforeEach
	void school() {
		this.talk = new Conversations(this.desk, this.pages, this.accounts, this.viewers);
		this.siswa1 = this.talk.person("siswa1@otos.test");
		this.siswa2 = this.talk.person("siswa2@otos.test");
		this.operator = this.talk.person("operator@otos.test");
	}

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@Test
	void severalUnreadMessagesInSeveralThreadsMakeOneDigest() {
		long login = this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk");
		long video = this.talk.technicalQuestion(this.siswa1, "Video tidak jalan");
		this.talk.reply(this.operator, login, "Coba atur ulang kata sandi.");
		this.talk.reply(this.operator, login, "Sudah bisa?");
		this.talk.reply(this.operator, video, "Sedang kami periksa.");

		this.digests.plan(minutesLater(11));

		assertThat(outboxOf(this.siswa1)).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).isEqualTo("otos: 3 pesan belum dibaca di 2 percakapan");
			assertThat(mail.body()).contains("Tidak bisa masuk (2 belum dibaca)", "Video tidak jalan (1 belum dibaca)",
					"http://127.0.0.1:8080/messages/thread/" + login + "/",
					"http://127.0.0.1:8080/messages/thread/" + video + "/", "http://127.0.0.1:8080/profile");
			assertThat(mail.status()).isEqualTo("pending");
		});
	}

	@Test
	void anInternalNoteNeverReachesTheStudentsDigest() {
		long thread = this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk");
		this.notes.add(this.operator, thread, "Catatan staf: akun ini pernah diblokir.", null);

		this.digests.plan(minutesLater(11));
		assertThat(outboxOf(this.siswa1)).as("a note alone is no news for the student").isEmpty();

		this.talk.reply(this.operator, thread, "Coba atur ulang kata sandi.");
		this.notes.add(this.operator, thread, "Catatan staf kedua.", null);
		this.digests.plan(minutesLater(22));
		assertThat(outboxOf(this.siswa1)).singleElement()
			.satisfies((mail) -> assertThat(mail.body()).contains("Tidak bisa masuk (1 belum dibaca)")
				.doesNotContain("Catatan staf"));
	}

	@Test
	void nothingIsMailedBeforeTheDelayHasPassed() {
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk"), "Coba lagi.");

		this.digests.plan(minutesLater(5));

		assertThat(outboxOf(this.siswa1)).isEmpty();
	}

	@Test
	void nothingIsMailedOnceThePersonHasReadTheirMessages() {
		long thread = this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk");
		this.talk.reply(this.operator, thread, "Coba lagi.");
		this.talk.reply(this.operator, thread, "Sudah bisa?");
		this.talk.read(this.siswa1, thread);

		this.digests.plan(minutesLater(11));

		assertThat(outboxOf(this.siswa1)).isEmpty();
	}

	@Test
	void nothingIsMailedToAPersonWhoTurnedDigestsOff() {
		this.settings.choose(this.siswa1.userId(), new DigestChoice(false, Locale.ENGLISH));
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk"), "Coba lagi.");
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa2, "Tidak bisa masuk"), "Coba lagi.");

		this.digests.plan(minutesLater(11));

		assertThat(outboxOf(this.siswa1)).isEmpty();
		assertThat(outboxOf(this.siswa2)).as("someone who kept them on").hasSize(1);
	}

	@Test
	void aPersonWhoChoseEnglishGetsTheDigestInEnglish() {
		this.settings.choose(this.siswa1.userId(), new DigestChoice(true, Locale.forLanguageTag("en-GB")));
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Cannot log in"), "Try again.");

		this.digests.plan(minutesLater(11));

		assertThat(outboxOf(this.siswa1)).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).isEqualTo("otos: 1 unread message in 1 conversation");
			assertThat(mail.body()).contains("Hello", "There is 1 message you have not read",
					"Cannot log in (1 unread)");
		});
	}

	@Test
	void atMostOneDigestPerDelayAndOnlyForNews() {
		long thread = this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk");
		this.talk.reply(this.operator, thread, "Coba lagi.");
		Instant first = minutesLater(11);
		this.digests.plan(first);
		this.talk.reply(this.operator, thread, "Sudah bisa?");

		this.digests.plan(first.plus(Duration.ofMinutes(5)));
		assertThat(outboxOf(this.siswa1)).as("within the delay of the first digest").hasSize(1);

		this.digests.plan(first.plus(Duration.ofMinutes(11)));
		assertThat(outboxOf(this.siswa1)).as("a new message, a delay later").hasSize(2);
		assertThat(outboxOf(this.siswa1).get(1).body()).contains("Tidak bisa masuk (2 belum dibaca)");

		this.digests.plan(first.plus(Duration.ofMinutes(40)));
		assertThat(outboxOf(this.siswa1)).as("nothing new since").hasSize(2);
	}

	@Test
	void aStudentIsToldThatTheirThreadWasResolved() {
		long thread = this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk");
		this.talk.reply(this.operator, thread, "Sudah kami perbaiki.");
		this.talk.read(this.siswa1, thread);
		this.talk.resolve(this.operator, thread);

		this.digests.plan(minutesLater(11));

		assertThat(outboxOf(this.siswa1)).singleElement().satisfies((mail) -> {
			assertThat(mail.subject()).isEqualTo("otos: status percakapan Anda berubah");
			assertThat(mail.body()).contains("Tidak bisa masuk: ditandai selesai",
					"http://127.0.0.1:8080/messages/thread/" + thread + "/");
		});
		this.digests.plan(minutesLater(30));
		assertThat(outboxOf(this.siswa1)).hasSize(1);
	}

	@Test
	void twoNodesPlanningAtOnceWriteOneDigest() throws Exception {
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk"), "Coba lagi.");
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa2, "Video tidak jalan"), "Coba lagi.");
		Instant later = minutesLater(11);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = List.of(nodes.submit(() -> {
				start.await();
				return this.digests.plan(later);
			}), nodes.submit(() -> {
				start.await();
				return this.digests.plan(later);
			}));
			start.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			nodes.shutdown();
		}

		assertThat(outboxOf(this.siswa1)).hasSize(1);
		assertThat(outboxOf(this.siswa2)).hasSize(1);
	}

	@Test
	void aSentDigestIsMarkedSentAndNeverSentAgain() {
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk"), "Coba lagi.");
		Instant later = minutesLater(11);
		this.digests.plan(later);
		FakeMailServer server = new FakeMailServer();
		OutboxSender sender = senderTo(server);

		assertThat(sender.sendDue(later)).isEqualTo(1);
		assertThat(sender.sendDue(later.plus(Duration.ofHours(2)))).isZero();

		assertThat(server.received()).singleElement().asString().startsWith("<digest-");
		assertThat(outboxOf(this.siswa1)).singleElement().satisfies((mail) -> {
			assertThat(mail.status()).isEqualTo("sent");
			assertThat(mail.attempts()).isEqualTo(1);
		});
	}

	@Test
	void aDigestWaitsLongerAfterEachFailureAndKeepsItsMessageId() {
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk"), "Coba lagi.");
		Instant later = minutesLater(11);
		this.digests.plan(later);
		FakeMailServer server = new FakeMailServer();
		OutboxSender sender = senderTo(server);
		server.down(true);

		assertThat(sender.sendDue(later)).isZero();
		assertThat(nextAttempt()).isEqualTo(later.plus(Duration.ofMinutes(1)));
		assertThat(sender.sendDue(later.plus(Duration.ofMinutes(1)))).isZero();
		assertThat(nextAttempt()).isEqualTo(later.plus(Duration.ofMinutes(3)));
		assertThat(outboxOf(this.siswa1)).singleElement().satisfies((mail) -> {
			assertThat(mail.status()).isEqualTo("pending");
			assertThat(mail.attempts()).isEqualTo(2);
		});

		server.down(false);
		assertThat(sender.sendDue(later.plus(Duration.ofMinutes(2)))).as("not due yet").isZero();
		assertThat(sender.sendDue(later.plus(Duration.ofMinutes(3)))).isEqualTo(1);
		assertThat(server.received())
			.containsExactly(this.jdbc.sql("select message_id from otos_mail_outbox").query(String.class).single());
	}

	@Test
	void twoSendersAtOnceSendEachDigestOnce() throws Exception {
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa1, "Tidak bisa masuk"), "Coba lagi.");
		this.talk.reply(this.operator, this.talk.technicalQuestion(this.siswa2, "Video tidak jalan"), "Coba lagi.");
		Instant later = minutesLater(11);
		this.digests.plan(later);
		FakeMailServer server = new FakeMailServer();
		server.slow(300);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = List.of(nodes.submit(() -> {
				start.await();
				return senderTo(server).sendDue(later);
			}), nodes.submit(() -> {
				start.await();
				return senderTo(server).sendDue(later);
			}));
			start.countDown();
			int sent = 0;
			for (Future<Integer> run : runs) {
				sent += run.get();
			}
			assertThat(sent).isEqualTo(2);
		}
		finally {
			nodes.shutdown();
		}

		assertThat(server.received()).hasSize(2).doesNotHaveDuplicates();
	}

	private OutboxSender senderTo(FakeMailServer server) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", server));
		return new OutboxSender(this.outbox, beans.getBeanProvider(JavaMailSender.class), this.transactions,
				this.properties, this.mail, this.metrics, this.clock);
	}

	private Instant nextAttempt() {
		return this.jdbc.sql("select next_attempt_at from otos_mail_outbox")
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private Instant minutesLater(long minutes) {
		// whole milliseconds: the databases keep microseconds and H2 rounds, not
		// truncates
		return this.clock.instant().plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.MILLIS);
	}

	private List<Outboxed> outboxOf(Viewer person) {
		return this.jdbc
			.sql("select subject, body, status, attempts from otos_mail_outbox where recipient_id = :id order by id")
			.param("id", person.userId())
			.query(Outboxed.class)
			.list();
	}

	record Outboxed(String subject, String body, String status, int attempts) {

	}

}
