package id.otos.messaging.threads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.DemoSchool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unread invariant as a property: after any random sequence of threads opened,
 * replies, internal notes, reads, assignments and closes by several people, every
 * person's unread count equals the sum of their inbox badges and a brute-force recount
 * from the raw rows with the Java desk rule, and so does the count kept between requests
 * ({@link UnreadCounts}), asked after every step. Each seed is one reproducible sequence;
 * a failure names its seed and step.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class UnreadInvariantChecks {

	static final int STEPS = 120;

	@Autowired
	ThreadDesk desk;

	@Autowired
	ThreadPages pages;

	@Autowired
	Inbox inbox;

	@Autowired
	UnreadCounts counts;

	@Autowired
	Accounts accounts;

	@Autowired
	Categories categories;

	@Autowired
	MessageThreadRepository threads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PictureAudience pictures;

	@Autowired
	InternalNotes notes;

	@Autowired
	Broadcasts broadcasts;

	List<Viewer> people = new ArrayList<>();

	List<Viewer> students = new ArrayList<>();

	List<CategoryView> subjects;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@BeforeEach
	void people() {
		for (RoleName role : RoleName.values()) {
			for (UserSummary user : this.accounts.withRole(role)) {
				Viewer viewer = new Viewer(user.id(), role, this.categories.taughtBy(user.id()));
				this.people.add(viewer);
				if (viewer.isStudent()) {
					this.students.add(viewer);
				}
			}
		}
		this.subjects = this.categories.all();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3 })
	void unreadCountEqualsInboxBadgesAndARecount(long seed) {
		Random random = new Random(seed);
		// broadcasts whose threads stay out of their sender's inbox until someone else
		// writes in them: the count must leave them out the same way
		for (Viewer person : this.people) {
			if (ThreadAccess.mayBroadcast(person)) {
				this.broadcasts.send(person,
						new Broadcast("Pengumuman", "isi", Priority.NORMAL, true, List.of(), null, null));
			}
		}
		for (int step = 0; step < STEPS; step++) {
			act(random, step);
			this.people.forEach(this.counts::of);
			if (step % 20 == 19) {
				assertInvariant(seed, step);
			}
		}
		assertInvariant(seed, STEPS);
		assertWhoSeesWhatAgreesInSql(seed);
		assertThat(this.people.stream().mapToLong(this.inbox::unreadCount).sum())
			.as("the sequence leaves unread messages to count")
			.isPositive();
		assertThat(this.jdbc.sql("select count(*) from otos_thread_note").query(Long.class).single())
			.as("the sequence writes internal notes")
			.isPositive();
	}

	private void act(Random random, int step) {
		int choice = random.nextInt(13);
		if (choice < 2) {
			openThread(random, step);
			return;
		}
		ThreadAction action = switch (choice) {
			case 2, 3, 4, 5 -> ThreadAction.REPLY;
			case 6, 7 -> null;
			case 8 -> ThreadAction.CLOSE;
			case 9 -> ThreadAction.CLAIM;
			case 10 -> ThreadAction.REQUEST_CLOSE;
			case 12 -> ThreadAction.NOTE;
			default -> ThreadAction.ASSIGN;
		};
		List<Object[]> candidates = new ArrayList<>();
		for (MessageThread thread : this.threads.findAll()) {
			for (Viewer person : this.people) {
				boolean allowed = (action != null) ? ThreadAccess.allows(person, thread, action)
						: ThreadAccess.mayOpen(person, thread);
				if (allowed) {
					candidates.add(new Object[] { person, thread.getId() });
				}
			}
		}
		if (candidates.isEmpty()) {
			return;
		}
		Object[] picked = candidates.get(random.nextInt(candidates.size()));
		Viewer person = (Viewer) picked[0];
		long threadId = (Long) picked[1];
		try {
			if (action == null) {
				this.notes.read(person, this.pages.read(person, threadId), 0);
				return;
			}
			switch (action) {
				case REPLY -> this.desk.reply(person, threadId, "balasan " + step, null, null);
				case CLOSE -> this.desk.close(person, threadId);
				case CLAIM -> this.desk.claim(person, threadId);
				case REQUEST_CLOSE -> this.desk.requestClose(person, threadId);
				case NOTE -> this.notes.add(person, threadId, "catatan " + step, null);
				default -> this.desk.assign(person, threadId, null, "unassigned by the property test");
			}
		}
		catch (ThreadRuleException refusedByTheWorkflow) {
			// closing a closed thread and the like: a legitimate outcome, nothing changed
		}
	}

	private void openThread(Random random, int step) {
		Viewer student = this.students.get(random.nextInt(this.students.size()));
		ThreadType type = ThreadType.values()[random.nextInt(4)];
		Long category = type.isAcademic() ? this.subjects.get(random.nextInt(this.subjects.size())).id() : null;
		long id = this.desk.open(student,
				new NewThread("Pertanyaan " + step, type, category, null, Priority.NORMAL, "isi " + step, null), null);
		if (type == ThreadType.REPORT && random.nextBoolean()) {
			// a report about an otos question (issue 14): its category's subject matter
			this.jdbc
				.sql("update otosapp_messagethread set question_id = :question, category_id = :category where id = :id")
				.param("question", 1 + random.nextInt(3))
				.param("category", this.subjects.get(random.nextInt(this.subjects.size())).id())
				.param("id", id)
				.update();
			// moved onto another desk behind the application's back: nothing kept holds
			this.counts.forgetAll();
		}
	}

	private void assertInvariant(long seed, int step) {
		Map<Long, Long> readPositions = new HashMap<>();
		Map<Long, Long> notePositions = new HashMap<>();
		this.jdbc.sql("select thread_id, user_id, last_read_message_id, last_read_note_id from otos_thread_read")
			.query((rs) -> {
				long key = key(rs.getLong("thread_id"), rs.getLong("user_id"));
				readPositions.put(key, rs.getLong("last_read_message_id"));
				notePositions.put(key, rs.getLong("last_read_note_id"));
			});
		List<long[]> notes = this.jdbc
			.sql("select id, thread_id, coalesce(author_id, 0) as author from otos_thread_note")
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("thread_id"), rs.getLong("author") })
			.list();
		List<long[]> messages = this.jdbc.sql("select id, thread_id, sender_id from otosapp_message")
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("thread_id"), rs.getLong("sender_id") })
			.list();
		Map<Long, MessageThread> byId = new HashMap<>();
		this.threads.findAll().forEach((thread) -> byId.put(thread.getId(), thread));
		for (Viewer person : this.people) {
			long recount = messages.stream()
				.filter((m) -> ThreadAccess.onDesk(person, byId.get(m[1])))
				.filter((m) -> m[2] != person.userId())
				.filter((m) -> m[0] > readPositions.getOrDefault(key(m[1], person.userId()), 0L))
				.count();
			// internal notes of others count for those who answer threads, never for
			// students
			long unreadNotes = !person.isHandler() ? 0
					: notes.stream()
						.filter((n) -> ThreadAccess.onDesk(person, byId.get(n[1])))
						.filter((n) -> n[2] != person.userId())
						.filter((n) -> n[0] > notePositions.getOrDefault(key(n[1], person.userId()), 0L))
						.count();
			recount += unreadNotes;
			long count = this.inbox.unreadCount(person);
			assertThat(count).as("seed %d step %d: %s unread count vs recount", seed, step, person).isEqualTo(recount);
			assertThat(this.counts.of(person))
				.as("seed %d step %d: %s kept unread count vs recount", seed, step, person)
				.isEqualTo(recount);
			assertThat(count).as("seed %d step %d: %s unread count vs inbox badges", seed, step, person)
				.isEqualTo(badgeSum(person));
			assertThat(
					this.inbox.unreadThreads(person, 0, Instant.EPOCH).stream().mapToLong(UnreadThread::unread).sum())
				.as("seed %d step %d: %s unread count vs the e-mail digest's threads", seed, step, person)
				.isEqualTo(count);
		}
	}

	/**
	 * The SQL twin of {@link ThreadAccess#mayOpen} finds exactly the threads the Java
	 * rule lets each person open, and whose pictures each person may see follows from it:
	 * their own, everyone's for operators and admins, else those of the people in a
	 * thread they may open.
	 */
	private void assertWhoSeesWhatAgreesInSql(long seed) {
		List<long[]> senders = this.jdbc.sql("select thread_id, sender_id from otosapp_message")
			.query((rs, n) -> new long[] { rs.getLong("thread_id"), rs.getLong("sender_id") })
			.list();
		List<MessageThread> all = this.threads.findAll();
		for (Viewer person : this.people) {
			DeskQuery openable = DeskQuery.openable(person);
			List<Long> inSql = this.jdbc.sql("select t.id from otosapp_messagethread t where " + openable.condition())
				.params(openable.parameters())
				.query(Long.class)
				.list();
			List<Long> inJava = all.stream()
				.filter((thread) -> ThreadAccess.mayOpen(person, thread))
				.map(MessageThread::getId)
				.toList();
			assertThat(inSql).as("seed %d: %s may open", seed, person).containsExactlyInAnyOrderElementsOf(inJava);
			for (Viewer owner : this.people) {
				boolean shares = all.stream()
					.filter((thread) -> ThreadAccess.mayOpen(person, thread))
					.anyMatch((thread) -> thread.getStudentId() == owner.userId() || thread.isAssignedTo(owner.userId())
							|| senders.stream().anyMatch((m) -> m[0] == thread.getId() && m[1] == owner.userId()));
				boolean expected = person.userId() == owner.userId() || person.isStaff() || shares;
				assertThat(this.pictures.maySee(person, owner.userId()))
					.as("seed %d: %s sees the picture of %s", seed, person, owner)
					.isEqualTo(expected);
			}
		}
	}

	private long badgeSum(Viewer person) {
		long sum = 0;
		InboxPage page;
		int number = 1;
		do {
			page = this.inbox.page(person, new InboxFilter(null, null, null, number++, 7));
			sum += page.rows().stream().mapToLong(InboxRow::unread).sum();
		}
		while (page.hasNext());
		return sum;
	}

	private static long key(long threadId, long userId) {
		return threadId * 1_000_003L + userId;
	}

}
