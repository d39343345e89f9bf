package id.otos.messaging.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import id.otos.messaging.fuzz.Call.Who;

import org.springframework.mock.web.MockMultipartFile;

/**
 * Every form and API of the application, each as a generator of hostile requests: which
 * people send it, and what they send. Ids come from {@link Fixtures}: the sender's own
 * things, other people's, and made-up numbers.
 */
final class Endpoints {

	static final List<Who> EVERYONE = List.of(Who.STUDENT, Who.TEACHER, Who.OPERATOR, Who.ADMIN);

	private final Fixtures f;

	private final List<Endpoint> all = new ArrayList<>();

	Endpoints(Fixtures fixtures) {
		this.f = fixtures;
		define();
	}

	List<Endpoint> all() {
		return this.all;
	}

	private void add(String name, List<Who> who, BiFunction<Hostile, Who, Call> generator) {
		this.all.add(new Endpoint(name, who, generator, 1));
	}

	/**
	 * An endpoint that hashes a password on most requests (about 0.1 s each, by design):
	 * sent one round in four, to keep the suite's time.
	 */
	private void addHashing(String name, List<Who> who, BiFunction<Hostile, Who, Call> generator) {
		this.all.add(new Endpoint(name, who, generator, 4));
	}

	private void define() {
		addHashing("POST /login", List.of(Who.ANONYMOUS, Who.STUDENT),
				(h, who) -> new Call(who, "POST", "/login")
					.param("username", h.chance(0.5) ? h.oneOf(Fixtures.EMAILS) : h.text())
					.param("password", h.chance(0.3) ? Fixtures.PASSWORD : h.text()));
		addHashing("POST /login, e-mail variants", List.of(Who.ANONYMOUS, Who.STUDENT),
				(h, who) -> new Call(who, "POST", "/login")
					.param("username",
							h.chance(0.7) ? h.sameLogIn(h.oneOf(Fixtures.EMAILS))
									: h.lookAlike(h.oneOf(Fixtures.EMAILS)))
					.param("password", h.chance(0.5) ? Fixtures.PASSWORD : h.text()));
		add("POST /logout", EVERYONE, (h, who) -> new Call(who, "POST", "/logout"));
		add("GET /messages/", EVERYONE, (h, who) -> new Call(who, "GET", "/messages/")
			.param("status", h.chance(0.7) ? h.choice("open", "pending", "resolved", "closed") : null)
			.param("type", h.chance(0.7) ? h.choice("academic", "technical", "report", "general", "info") : null)
			.param("search", h.chance(0.6) ? h.text() : null)
			.param("page", h.chance(0.6) ? h.number() : null)
			.param("scope", h.chance(0.4) ? h.choice("desk", "all", "everything") : null)
			.param("assigned", h.chance(0.3) ? h.choice("me", "none", "someone") : null)
			.param("unread", h.chance(0.3) ? h.choice("1", "0", "yes") : null)
			.param("priority", h.chance(0.3) ? h.choice("low", "normal", "high", "urgent", "asap") : null)
			.param("category", h.chance(0.3) ? h.number() : null)
			.param("overdue", h.chance(0.3) ? h.choice("1", "true") : null)
			.param("waiting", h.chance(0.3) ? h.number() : null)
			.param("sort", h.chance(0.3) ? h.choice("activity", "urgency", "title") : null));
		add("GET /messages/rows/", EVERYONE,
				(h, who) -> new Call(who, "GET", "/messages/rows/")
					.param("status", h.chance(0.5) ? h.choice("open", "pending", "resolved", "closed") : null)
					.param("search", h.chance(0.5) ? h.text() : null)
					.param("page", h.chance(0.5) ? h.number() : null));
		add("GET /messages/create/", EVERYONE, (h, who) -> new Call(who, "GET", "/messages/create/")
			.refusedWhen(who != Who.STUDENT, "only students open threads"));
		add("POST /messages/create/", List.of(Who.STUDENT, Who.STUDENT, Who.STUDENT, Who.TEACHER, Who.ADMIN),
				this::newThread);
		add("GET /messages/thread/{id}/", EVERYONE, (h, who) -> thread(h, who, "GET", ""));
		add("GET /messages/thread/{id}/messages", EVERYONE,
				(h, who) -> thread(h, who, "GET", "messages").param("after", h.chance(0.7) ? h.number() : null)
					.param("after_note", h.chance(0.5) ? h.number() : null));
		add("GET /messages/thread/{id}/attachments/{messageId}/", EVERYONE, this::attachment);
		add("POST reply", EVERYONE, this::reply);
		add("POST update_status", EVERYONE, (h, who) -> action(h, who, "update_status").param("status",
				h.chance(0.9) ? h.choice("open", "pending", "resolved", "closed") : null));
		add("POST close_thread", EVERYONE, (h, who) -> action(h, who, "close_thread"));
		add("POST request_close", EVERYONE, (h, who) -> action(h, who, "request_close"));
		add("POST update_priority", EVERYONE, (h, who) -> action(h, who, "update_priority").param("priority",
				h.chance(0.9) ? h.choice("low", "normal", "high", "urgent") : null));
		add("POST assign", EVERYONE,
				(h, who) -> action(h, who, "assign")
					.param("handler",
							h.chance(0.9) ? h.id(this.f.teacher, this.f.otherTeacher, this.f.operator, this.f.admin,
									this.f.student, this.f.victim) : null)
					.param("note", h.chance(0.5) ? h.text() : null));
		add("POST claim", EVERYONE, (h, who) -> action(h, who, "claim"));
		add("POST triage", EVERYONE,
				(h, who) -> action(h, who, "triage")
					.param("status", h.chance(0.8) ? h.choice("open", "pending", "resolved", "closed", "") : h.text())
					.param("priority", h.chance(0.8) ? h.choice("low", "normal", "high", "urgent", "") : h.text())
					.param("handler",
							h.chance(0.9) ? h.id(this.f.teacher, this.f.otherTeacher, this.f.operator, this.f.admin,
									this.f.student, this.f.victim) : (h.chance(0.5) ? "" : null))
					.param("note", h.chance(0.5) ? h.text() : null));
		add("POST handoff", EVERYONE,
				(h, who) -> action(h, who, "handoff")
					.param("handler", h.chance(0.9)
							? h.id(this.f.teacher, this.f.otherTeacher, this.f.operator, this.f.student) : null)
					.param("note", h.chance(0.5) ? h.text() : null));
		add("POST note", EVERYONE,
				(h, who) -> action(h, who, "note").param("content", text(h, 0.9))
					.param("submission_key", submissionKey(h))
					.refusedWhen(who == Who.STUDENT, "students write no internal notes"));
		add("POST unknown action", EVERYONE,
				(h, who) -> thread(h, who, "POST", "")
					.param("action", h.chance(0.8) ? h.choice("delete", "reply ", "REPLY", "claim,close_thread") : null)
					.refusedWhen(true, "no such action"));
		add("GET /messages/start/", EVERYONE,
				(h, who) -> new Call(who, "GET", "/messages/start/")
					.param("student", h.chance(0.5) ? h.id(this.f.student, this.f.victim, this.f.teacher) : null)
					.refusedWhen(who == Who.STUDENT || who == Who.TEACHER, "only operators and admins start them"));
		add("POST /messages/start/", List.of(Who.ADMIN, Who.OPERATOR, Who.STUDENT, Who.TEACHER),
				(h, who) -> new Call(who, "POST", "/messages/start/")
					.refusedWhen(who == Who.STUDENT || who == Who.TEACHER, "only operators and admins start them")
					.param("student", h.chance(0.9) ? h.id(this.f.student, this.f.victim, this.f.teacher) : null)
					.param("thread_type",
							h.chance(0.9) ? h.choice("general", "technical", "report", "info", "academic") : null)
					.param("priority", h.chance(0.9) ? h.choice("low", "normal", "high", "urgent") : null)
					.param("title", text(h, 0.9))
					.param("content", text(h, 0.9))
					.param("submission_key", submissionKey(h)));
		add("GET /messages/broadcast/", EVERYONE, (h, who) -> new Call(who, "GET", "/messages/broadcast/")
			.refusedWhen(who == Who.STUDENT || who == Who.TEACHER, "only operators and admins broadcast"));
		add("POST /messages/broadcast/", List.of(Who.ADMIN, Who.OPERATOR, Who.STUDENT), this::broadcast);
		add("GET /messages/broadcasts/", EVERYONE, (h, who) -> new Call(who, "GET", "/messages/broadcasts/")
			.refusedWhen(who == Who.STUDENT || who == Who.TEACHER, "only operators and admins broadcast"));
		add("GET /messages/broadcasts/{id}/", EVERYONE,
				(h, who) -> new Call(who, "GET", "/messages/broadcasts/{id}/", h.id(1, 2, 3))
					.refusedWhen(who == Who.STUDENT || who == Who.TEACHER, "only their senders and admins see them"));
		add("GET /messages/targets/", EVERYONE, (h, who) -> new Call(who, "GET", "/messages/targets/")
			.refusedWhen(who != Who.ADMIN, "only admins set response targets"));
		add("POST /messages/targets/", EVERYONE,
				(h, who) -> new Call(who, "POST", "/messages/targets/").param("urgent", targetHours(h))
					.param("high", targetHours(h))
					.param("normal", targetHours(h))
					.param("low", targetHours(h))
					.refusedWhen(who != Who.ADMIN, "only admins set response targets"));
		add("POST insert ready answer", EVERYONE,
				(h, who) -> action(h, who, "reply").param("insert_answer", "1")
					.param("answer", h.chance(0.8) ? h.number() : null)
					.param("content", text(h, 0.5))
					.param("submission_key", submissionKey(h)));
		add("GET /messages/answers/", EVERYONE,
				(h, who) -> new Call(who, "GET", "/messages/answers/").param("edit", h.chance(0.3) ? h.number() : null)
					.refusedWhen(who == Who.STUDENT, "students keep no ready answers"));
		add("POST /messages/answers/", EVERYONE,
				(h, who) -> new Call(who, "POST", "/messages/answers/").param("id", h.chance(0.2) ? h.number() : null)
					.param("title", text(h, 0.9))
					.param("content", text(h, 0.9))
					.param("shared", h.chance(0.4) ? h.choice("true", "on", "false", "1") : null)
					.refusedWhen(who == Who.STUDENT, "students keep no ready answers"));
		add("POST /messages/answers/{id}/delete", EVERYONE,
				(h, who) -> new Call(who, "POST", "/messages/answers/{id}/delete", h.number())
					.refusedWhen(who == Who.STUDENT, "students keep no ready answers"));
		add("GET /api/messages/unread-count/", EVERYONE, (h, who) -> api(h, who, "/api/messages/unread-count/"));
		add("GET /api/me/", EVERYONE, (h, who) -> api(h, who, "/api/me/"));
		add("GET /messages/events/", EVERYONE, this::events);
		add("GET /profile", EVERYONE, (h, who) -> new Call(who, "GET", "/profile"));
		add("POST /profile/details", EVERYONE,
				(h, who) -> new Call(who, "POST", "/profile/details").param("firstName", text(h, 0.9))
					.param("lastName", text(h, 0.8))
					.param("phoneNumber",
							h.chance(0.5) ? h.oneOf("", "+62 812-3456-7890", "08123456789") : text(h, 1)));
		addHashing("POST /profile/password", EVERYONE, this::password);
		add("POST /profile/picture", EVERYONE, (h, who) -> {
			Call call = new Call(who, "POST", "/profile/picture").multipart();
			return h.chance(0.9) ? call.file(h.file("picture", Fixtures.PICTURE_LIMIT)) : call;
		});
		add("POST /profile/picture/remove", EVERYONE, (h, who) -> new Call(who, "POST", "/profile/picture/remove"));
		add("POST /profile/notifications", EVERYONE,
				(h, who) -> new Call(who, "POST", "/profile/notifications")
					.param("email-digest", h.chance(0.8) ? h.choice("true", "false", "on") : null)
					.param("email-language", h.chance(0.8) ? h.choice("id", "en") : null));
		add("GET /admin/users", EVERYONE,
				(h, who) -> admin(new Call(who, "GET", "/admin/users")).param("search", text(h, 0.5))
					.param("role",
							h.chance(0.5) ? h.choice("STUDENT", "TEACHER", "OPERATOR", "ADMIN", "VISITOR") : null)
					.param("page", h.chance(0.5) ? h.number() : null));
		add("GET /admin/users/new", EVERYONE, (h, who) -> admin(new Call(who, "GET", "/admin/users/new")));
		addHashing("POST /admin/users/new", List.of(Who.ADMIN, Who.ADMIN, Who.ADMIN, Who.OPERATOR),
				(h, who) -> userFields(h, admin(new Call(who, "POST", "/admin/users/new")), "password"));
		add("GET /admin/users/{id}/edit", EVERYONE,
				(h, who) -> admin(new Call(who, "GET", "/admin/users/{id}/edit", h.id(this.f.victim, this.f.student))));
		addHashing("POST /admin/users/{id}/edit", List.of(Who.ADMIN, Who.ADMIN, Who.ADMIN, Who.TEACHER),
				(h, who) -> userFields(h, admin(new Call(who, "POST", "/admin/users/{id}/edit", h.id(this.f.victim))),
						"newPassword"));
		add("POST /admin/users/{id}/deactivate", List.of(Who.ADMIN, Who.ADMIN, Who.STUDENT), (h, who) -> admin(
				new Call(who, "POST", "/admin/users/{id}/deactivate", h.id(this.f.victim, this.f.admin))));
		add("POST /admin/users/{id}/activate", List.of(Who.ADMIN, Who.ADMIN, Who.OPERATOR),
				(h, who) -> admin(new Call(who, "POST", "/admin/users/{id}/activate", h.id(this.f.victim))));
		add("GET /admin/categories", EVERYONE, (h, who) -> admin(new Call(who, "GET", "/admin/categories")));
		add("POST /admin/categories", List.of(Who.ADMIN, Who.ADMIN, Who.TEACHER),
				(h, who) -> admin(new Call(who, "POST", "/admin/categories")).param("name", text(h, 0.9)));
		add("GET /admin/categories/{id}", EVERYONE, (h, who) -> admin(
				new Call(who, "GET", "/admin/categories/{id}", h.id(this.f.category, this.f.fuzzCategory))));
		add("POST /admin/categories/{id}/rename", List.of(Who.ADMIN, Who.ADMIN, Who.OPERATOR),
				(h, who) -> admin(new Call(who, "POST", "/admin/categories/{id}/rename", h.id(this.f.fuzzCategory)))
					.param("name", text(h, 0.9)));
		add("POST /admin/categories/{id}/teachers", List.of(Who.ADMIN, Who.ADMIN, Who.TEACHER),
				(h, who) -> admin(new Call(who, "POST", "/admin/categories/{id}/teachers", h.id(this.f.fuzzCategory)))
					.param("teacherId", h.chance(0.9)
							? h.id(this.f.teacher, this.f.otherTeacher, this.f.student, this.f.admin) : null));
		add("POST /admin/categories/{id}/teachers/{teacherId}/unassign", List.of(Who.ADMIN, Who.ADMIN, Who.STUDENT),
				(h, who) -> admin(new Call(who, "POST", "/admin/categories/{id}/teachers/{teacherId}/unassign",
						h.id(this.f.fuzzCategory), h.id(this.f.teacher, this.f.otherTeacher, this.f.student))));
		add("GET /accounts/{id}/picture", EVERYONE, (h, who) -> {
			String owner = h.id(this.f.student, this.f.teacher, this.f.victim, this.f.otherStudent);
			return new Call(who, "GET", "/accounts/{id}/picture", owner).refusedWhen(!this.f.maySeePicture(who, owner),
					who + " shares no thread with " + owner);
		});
		add("GET /login/forgot", List.of(Who.ANONYMOUS, Who.STUDENT),
				(h, who) -> new Call(who, "GET", "/login/forgot"));
		add("POST /login/forgot", List.of(Who.ANONYMOUS, Who.ANONYMOUS, Who.STUDENT),
				(h, who) -> new Call(who, "POST", "/login/forgot").param("email", unknownEmail(h)));
		add("GET /login/reset", List.of(Who.ANONYMOUS, Who.STUDENT),
				(h, who) -> new Call(who, "GET", "/login/reset").param("token", text(h, 0.8)));
		add("POST /login/reset", List.of(Who.ANONYMOUS, Who.ANONYMOUS, Who.STUDENT),
				(h, who) -> new Call(who, "POST", "/login/reset").param("token", text(h, 0.8))
					.param("newPassword", h.chance(0.5) ? "kata-sandi-baru" : text(h, 0.8))
					.param("confirmPassword", h.chance(0.5) ? "kata-sandi-baru" : text(h, 0.8))
					.refusedWhen(true, "no link was issued"));
		add("GET /admin/users/import", EVERYONE, (h, who) -> admin(new Call(who, "GET", "/admin/users/import")));
		add("POST /admin/users/import", List.of(Who.ADMIN, Who.ADMIN, Who.ADMIN, Who.TEACHER), (h, who) -> {
			Call call = admin(new Call(who, "POST", "/admin/users/import").multipart());
			if (h.chance(0.1)) {
				return call;
			}
			return call
				.file(h.chance(0.6)
						? new MockMultipartFile("file", "siswa.csv", "text/csv",
								studentCsv(h).getBytes(StandardCharsets.UTF_8))
						: h.file("file", Fixtures.IMPORT_LIMIT));
		});
		add("POST /admin/users/import/confirm", List.of(Who.ADMIN, Who.ADMIN, Who.ADMIN, Who.OPERATOR), (h, who) -> {
			String csv = studentCsv(h);
			return admin(new Call(who, "POST", "/admin/users/import/confirm"))
				.param("content",
						h.chance(0.8) ? Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8))
								: text(h, 0.8))
				.param("digest", h.chance(0.5) ? Fixtures.sha256(csv) : text(h, 0.8))
				.param("submission_key", submissionKey(h));
		});
		add("GET /error", EVERYONE, (h, who) -> new Call(who, "GET", "/error").refusedWhen(true,
				"the error page is not a page of its own"));
		questions();
	}

	/**
	 * Issue 14: reports about otos's questions. This harness runs a standalone school,
	 * which has no questions: every one of these is "not found" (or, for anyone but a
	 * student, the new-thread form's 403), and changes nothing.
	 */
	private void questions() {
		add("GET /messages/create/?question=", EVERYONE,
				(h, who) -> new Call(who, "GET", "/messages/create/").param("question", h.id(1, 2, 3))
					.refusedWhen(true, "a standalone school has no questions"));
		add("POST /messages/create/ with a question", List.of(Who.STUDENT, Who.STUDENT, Who.TEACHER),
				(h, who) -> newThread(h, who).param("question", h.id(1, 2, 3))
					.refusedWhen(true, "a standalone school has no questions"));
		add("GET /messages/questions/{id}/", EVERYONE,
				(h, who) -> new Call(who, "GET", "/messages/questions/{id}/", h.id(1, 2, 3)).refusedWhen(true,
						"a standalone school has no questions"));
		add("POST /messages/questions/{id}/", EVERYONE,
				(h, who) -> new Call(who, "POST", "/messages/questions/{id}/", h.id(1, 2, 3))
					.param("action", h.chance(0.9) ? h.choice("answer", "resolve", "explain", "restore") : null)
					.param("content", text(h, 0.7))
					.param("explanation", text(h, 0.5))
					.param("change", h.chance(0.5) ? h.number() : null)
					.param("submission_key", submissionKey(h))
					.refusedWhen(true, "a standalone school has no questions"));
	}

	private static String targetHours(Hostile h) {
		return h.chance(0.7) ? h.choice("1", "2", "8", "24", "72", "1440") : (h.chance(0.5) ? h.number() : h.text());
	}

	/**
	 * An e-mail address that belongs to no account (a link asked for a real one would be
	 * written by a worker after the answer, where the harness could not tell which
	 * request wrote it).
	 */
	private static String unknownEmail(Hostile h) {
		return h.chance(0.5) ? "nobody-" + h.between(0, 1000) + "@otos.test" : h.text();
	}

	/**
	 * A file of students: a header (usually the right one), then lines of hostile fields.
	 */
	private static String studentCsv(Hostile h) {
		StringBuilder csv = new StringBuilder(h.chance(0.1) ? "\uFEFF" : "");
		String delimiter = h.chance(0.7) ? "," : ";";
		csv.append(h.chance(0.8) ? String.join(delimiter, "username", "email", "first_name", "last_name") : h.text())
			.append(h.chance(0.5) ? "\r\n" : "\n");
		int lines = h.chance(0.05) ? 501 : h.between(0, 4);
		for (int i = 0; i < lines; i++) {
			csv.append(h.chance(0.7) ? "murid" + h.between(0, 1000000) : h.text())
				.append(delimiter)
				.append(h.chance(0.5) ? h.oneOf(Fixtures.EMAILS)
						: (h.chance(0.5) ? "murid" + i + "@sekolah.test" : h.text()))
				.append(delimiter)
				.append(h.chance(0.7) ? "Murid" : h.text())
				.append(h.chance(0.9) ? delimiter : "")
				.append(h.chance(0.5) ? "" : h.text())
				.append("\n");
		}
		return csv.toString();
	}

	private static String text(Hostile h, double presence) {
		return h.chance(presence) ? h.text() : null;
	}

	private static Call admin(Call call) {
		return call.refusedWhen(call.who != Who.ADMIN, "only admins manage accounts and categories");
	}

	private Call newThread(Hostile h, Who who) {
		Call call = new Call(who, "POST", "/messages/create/").multipart()
			.refusedWhen(who != Who.STUDENT, "only students open threads")
			.param("title", text(h, 0.9))
			.param("thread_type",
					h.chance(0.9) ? h.choice("academic", "technical", "report", "general", "academic", "info") : null)
			.param("category", h.chance(0.7) ? h.id(this.f.category, this.f.fuzzCategory) : null)
			.param("teacher", h.chance(0.4) ? h.id(this.f.teacher, this.f.otherTeacher, this.f.student) : null)
			.param("priority", h.chance(0.9) ? h.choice("low", "normal", "high", "urgent") : null)
			.param("content", text(h, 0.9))
			.param("submission_key", submissionKey(h));
		return h.chance(0.3) ? call.file(h.file("attachment", Fixtures.ATTACHMENT_LIMIT)) : call;
	}

	private String submissionKey(Hostile h) {
		return switch (h.between(0, 5)) {
			case 0 -> null;
			case 1 -> h.text();
			case 2 -> this.f.usedSubmissionKey;
			default -> UUID.randomUUID().toString();
		};
	}

	/** A thread's path: the sender's own thread, someone else's, or a made-up id. */
	private Call thread(Hostile h, Who who, String method, String rest) {
		String id = h.id(this.f.studentThread, this.f.otherStudentsThread);
		Call call = new Call(who, method, "/messages/thread/{id}/" + rest, id);
		return call.refusedWhen(!this.f.mayOpen(who, id), who + " may not open thread " + id);
	}

	private Call action(Hostile h, Who who, String action) {
		return thread(h, who, "POST", "").param("action", action);
	}

	private Call reply(Hostile h, Who who) {
		Call call = action(h, who, "reply").multipart()
			.param("content", text(h, 0.9))
			.param("submission_key", submissionKey(h));
		return h.chance(0.3) ? call.file(h.file("attachment", Fixtures.ATTACHMENT_LIMIT)) : call;
	}

	private Call attachment(Hostile h, Who who) {
		String thread = h.id(this.f.studentThread, this.f.otherStudentsThread);
		String message = h.id(this.f.studentMessage, this.f.otherStudentsMessage);
		Call call = new Call(who, "GET", "/messages/thread/{id}/attachments/{messageId}/", thread, message);
		return call.refusedWhen(!this.f.mayOpen(who, thread), who + " may not open thread " + thread)
			.refusedWhen(!this.f.messageOf(thread, message), "message " + message + " is not of thread " + thread);
	}

	private Call broadcast(Hostile h, Who who) {
		Call call = new Call(who, "POST", "/messages/broadcast/")
			.refusedWhen(who == Who.STUDENT, "only operators and admins broadcast")
			.param("title", text(h, 0.9))
			.param("content", text(h, 0.9))
			.param("priority", h.chance(0.9) ? h.choice("low", "normal", "high", "urgent") : null)
			.param("category", h.chance(0.3) ? h.id(this.f.category) : null)
			.param("all_students", h.chance(0.2) ? text(h, 0.5) : null)
			.param("confirm", h.chance(0.5) ? h.choice("1", "2", "3", "0", "-1", "99999999999", "x") : null)
			.param("submission_key", submissionKey(h));
		int students = h.between(0, 3);
		for (int i = 0; i < students; i++) {
			call.param("students", h.id(this.f.student, this.f.otherStudent, this.f.teacher));
		}
		return call;
	}

	private Call api(Hostile h, Who who, String path) {
		Call call = new Call(who, "GET", path);
		call.accept = h.oneOf("application/json", "*/*", "text/html", "application/xml", "text/event-stream");
		if (h.chance(0.2)) {
			call.contentType = h.oneOf("application/json", "text/plain", "application/x-www-form-urlencoded");
			call.body = h.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		return call;
	}

	/**
	 * The event stream, never opened: without a log-in, with a method or an
	 * {@code Accept} it does not serve, so no stream is held open.
	 */
	private Call events(Hostile h, Who who) {
		Who sender = h.chance(0.3) ? Who.ANONYMOUS : who;
		Call call = new Call(sender, h.oneOf("POST", "PUT", "DELETE", "GET"), "/messages/events/");
		if (sender != Who.ANONYMOUS && "GET".equals(call.method)) {
			call.accept = h.oneOf("application/json", "text/html", "image/png");
		}
		return call.refusedWhen(true, "the stream is never opened here");
	}

	private Call password(Hostile h, Who who) {
		String fresh = h.chance(0.5) ? "sandi-baru-" + h.between(100, 999) : h.text();
		return new Call(who, "POST", "/profile/password").param("currentPassword", text(h, 0.9))
			.param("newPassword", h.chance(0.8) ? fresh : text(h, 0.5))
			.param("confirmPassword", h.chance(0.7) ? fresh : text(h, 0.5))
			.refusedWhen(true, "the current password is never right here, so that the log-ins stay usable");
	}

	private Call userFields(Hostile h, Call call, String passwordField) {
		int n = h.between(1000, 999_999);
		return call.param("email", h.chance(0.6) ? "fuzz" + n + "@otos.test" : h.text())
			.param("username", h.chance(0.6) ? "fuzz" + n : h.text())
			.param("firstName", h.chance(0.6) ? h.words() : h.text())
			.param("lastName", text(h, 0.6))
			.param("phoneNumber", h.chance(0.5) ? "" : h.number())
			.param("role", h.chance(0.9) ? h.choice("STUDENT", "TEACHER", "OPERATOR", "VISITOR", "ADMIN") : null)
			.param(passwordField, h.chance(0.6) ? "sandi-awal-123" : h.text());
	}

	/**
	 * An endpoint, its senders, its generator of requests, and how many rounds of the run
	 * each of its requests stands for.
	 */
	record Endpoint(String name, List<Who> senders, BiFunction<Hostile, Who, Call> generator, int every) {

	}

}
