package id.otos.messaging.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import id.otos.messaging.accounts.AccountDetails;
import id.otos.messaging.accounts.AccountException;
import id.otos.messaging.accounts.AccountChanges;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.NewAccount;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryException;
import id.otos.messaging.categories.CategoryView;
import id.otos.messaging.support.DemoLogIn;
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
 * No request is left on nobody's desk, as a property: after every step of a random
 * sequence of new threads, replies, role changes, deactivations, category changes and
 * routing (assigning, unassigning, claiming, closing), each thread that is not closed is
 * on the desk of at least one active person who may answer it, as the one rule
 * ({@link ThreadAccess}) says. Each seed is one reproducible sequence; a failure names
 * its seed and step.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class DeskInvariantChecks {

	static final int STEPS = 100;

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

	List<CategoryView> subjects;

	@AfterEach
	void backToTheDemoSchool() {
		DemoSchool.reset(this.jdbc);
	}

	@BeforeEach
	void aLargerSchool() {
		// a category nobody teaches, and people to move between roles
		this.categories.create("Biologi");
		person("guru3", RoleName.TEACHER);
		person("operator2", RoleName.OPERATOR);
		person("admin2", RoleName.ADMIN);
		this.subjects = this.categories.all();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3 })
	void everyThreadNotClosedIsOnAnActiveDeskWhoMayAnswerIt(long seed) {
		Random random = new Random(seed);
		int moves = 0;
		for (int step = 0; step < STEPS; step++) {
			String what = act(random, step);
			assertEveryThreadOnADesk(seed, step, what);
			moves += (what != null) ? 1 : 0;
		}
		assertThat(this.threads.count()).as("the sequence opens threads").isGreaterThan(5);
		assertThat(moves).as("the sequence changes things").isGreaterThan(STEPS / 2);
	}

	private String act(Random random, int step) {
		List<Viewer> people = activePeople();
		try {
			return switch (random.nextInt(10)) {
				case 0, 1 -> openThread(random, people, step);
				case 2, 3 -> act(random, people, ThreadAction.REPLY, step);
				case 4 -> changeRole(random);
				case 5 -> activation(random);
				case 6 -> teaching(random);
				case 7 -> act(random, people, ThreadAction.ASSIGN, step);
				case 8 -> act(random, people, ThreadAction.CLAIM, step);
				default -> act(random, people, ThreadAction.CLOSE, step);
			};
		}
		catch (ThreadRuleException | AccountException | CategoryException refused) {
			// the last admin kept, a thread already closed: refused, nothing changed
			return null;
		}
	}

	private String openThread(Random random, List<Viewer> people, int step) {
		List<Viewer> students = people.stream().filter(Viewer::isStudent).toList();
		if (students.isEmpty()) {
			return null;
		}
		Viewer student = pick(random, students);
		ThreadType type = ThreadType.values()[random.nextInt(4)];
		Long category = type.isAcademic() ? pick(random, this.subjects).id() : null;
		long id = this.desk.open(student,
				new NewThread("Pertanyaan " + step, type, category, null, Priority.NORMAL, "isi " + step, null), null);
		if (type == ThreadType.REPORT && random.nextBoolean()) {
			// a report about an otos question (issue 14): its category's subject matter
			category = pick(random, this.subjects).id();
			this.jdbc
				.sql("update otosapp_messagethread set question_id = :question, category_id = :category where id = :id")
				.param("question", 1 + random.nextInt(3))
				.param("category", category)
				.param("id", id)
				.update();
			return "open a report about a question, thread " + id + " in category " + category;
		}
		return "open " + type + " thread " + id + " in category " + category;
	}

	private String act(Random random, List<Viewer> people, ThreadAction action, int step) {
		List<Viewer> who = new ArrayList<>();
		List<Long> what = new ArrayList<>();
		for (MessageThread thread : this.threads.findAll()) {
			for (Viewer person : people) {
				if (ThreadAccess.allows(person, thread, action)) {
					who.add(person);
					what.add(thread.getId());
				}
			}
		}
		if (who.isEmpty()) {
			return null;
		}
		int n = random.nextInt(who.size());
		Viewer person = who.get(n);
		long threadId = what.get(n);
		switch (action) {
			case REPLY -> this.desk.reply(person, threadId, "balasan " + step, null, null);
			case CLAIM -> this.desk.claim(person, threadId);
			case CLOSE -> this.desk.close(person, threadId);
			default -> this.desk.assign(person, threadId, random.nextBoolean() ? null : eligibleFor(random, threadId),
					"by the property test");
		}
		return action + " by " + person + " on thread " + threadId;
	}

	private Long eligibleFor(Random random, long threadId) {
		MessageThread thread = this.threads.findById(threadId).orElseThrow();
		List<Long> candidates = activePeople().stream()
			.filter((p) -> thread.getType().isAcademic() ? p.isTeacher() && p.teaches(thread.getCategoryId())
					: p.isStaff())
			.map(Viewer::userId)
			.toList();
		return candidates.isEmpty() ? null : pick(random, candidates);
	}

	private String changeRole(Random random) {
		AccountDetails person = pick(random, everyone());
		RoleName role = pick(random, RoleName.ASSIGNABLE);
		this.accounts.update(person.id(), new AccountChanges(person.email(), person.username(), person.firstName(),
				person.lastName(), person.phoneNumber(), role, null), adminId());
		return "role of " + person.username() + " to " + role;
	}

	private String activation(Random random) {
		AccountDetails person = pick(random, everyone());
		if (person.active()) {
			this.accounts.deactivate(person.id(), adminId());
			return "deactivate " + person.username();
		}
		this.accounts.activate(person.id());
		return "activate " + person.username();
	}

	private String teaching(Random random) {
		CategoryView subject = pick(random, this.subjects);
		List<Long> teachers = this.accounts.activeIdsWithRole(RoleName.TEACHER);
		if (teachers.isEmpty()) {
			return null;
		}
		long teacher = pick(random, teachers);
		if (this.categories.teacherIds(subject.id()).contains(teacher) && random.nextBoolean()) {
			this.categories.unassignTeacher(subject.id(), teacher);
			return "unassign teacher " + teacher + " from " + subject.name();
		}
		this.categories.assignTeacher(subject.id(), teacher);
		return "assign teacher " + teacher + " to " + subject.name();
	}

	private void assertEveryThreadOnADesk(long seed, int step, String what) {
		List<Viewer> people = activePeople();
		for (MessageThread thread : this.threads.findAll()) {
			if (thread.getStatus() == ThreadStatus.CLOSED) {
				continue;
			}
			assertThat(people.stream()
				.anyMatch((person) -> ThreadAccess.onDesk(person, thread)
						&& ThreadAccess.allows(person, thread, ThreadAction.REPLY)))
				.as("seed %d step %d (%s): thread %d (%s, category %s, handler %s, %s) is on an active desk", seed,
						step, what, thread.getId(), thread.getType(), thread.getCategoryId(), thread.getHandlerId(),
						thread.getStatus())
				.isTrue();
		}
	}

	/** The active people as the rule sees them now: role and taught categories. */
	private List<Viewer> activePeople() {
		List<Viewer> people = new ArrayList<>();
		for (RoleName role : RoleName.values()) {
			for (UserSummary user : this.accounts.withRole(role)) {
				if (user.active()) {
					people.add(new Viewer(user.id(), role, this.categories.taughtBy(user.id())));
				}
			}
		}
		return people;
	}

	private List<AccountDetails> everyone() {
		List<AccountDetails> all = new ArrayList<>();
		for (RoleName role : RoleName.ASSIGNABLE) {
			this.accounts.withRole(role).forEach((user) -> all.add(this.accounts.details(user.id()).orElseThrow()));
		}
		all.sort((a, b) -> Long.compare(a.id(), b.id()));
		return all;
	}

	private long adminId() {
		return this.accounts.activeIdsWithRole(RoleName.ADMIN).get(0);
	}

	private long person(String username, RoleName role) {
		return this.accounts.register(
				new NewAccount(username + "@otos.test", username, "Orang", username, null, role, DemoLogIn.PASSWORD));
	}

	private static <T> T pick(Random random, List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

}
