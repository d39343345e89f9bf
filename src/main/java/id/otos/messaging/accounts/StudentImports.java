package id.otos.messaging.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students created from a file by an admin, for schools whose accounts are managed here
 * and that send e-mail ({@link PasswordResets#available()}): each line is checked (the
 * file's own duplicates, the accounts that exist), and the whole file is created in one
 * transaction or not at all. The new accounts have no usable password (Django's
 * {@code !}-prefixed form, which no password matches); each gets an invitation link by
 * e-mail to set one ({@link PasswordResets}). A confirmation is keyed by its submission
 * key ({@code otos_student_import}), so that one sent twice creates the students once.
 */
@Service
public class StudentImports {

	private static final Logger logger = LoggerFactory.getLogger(StudentImports.class);

	/** Invitations are in the application's default language. */
	private static final Locale INVITATION_LOCALE = Locale.forLanguageTag("id");

	private static final String UNUSABLE_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private final SecureRandom random = new SecureRandom();

	private final UserRepository users;

	private final RoleRepository roles;

	private final PasswordResets resets;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StudentImports(UserRepository users, RoleRepository roles, PasswordResets resets, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.roles = roles;
		this.resets = resets;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Whether admins can import students here. */
	public boolean available() {
		return this.resets.available();
	}

	/**
	 * What stops each student from being created: an e-mail that mixes alphabets, an
	 * e-mail or username that an earlier line of the file or an existing account has
	 * (whatever its case).
	 * @param students the file's students, in order
	 * @return each student's problems, in the same order (empty lists when all is well)
	 */
	@Transactional(readOnly = true)
	public List<List<ImportProblem>> check(List<NewStudent> students) {
		Set<String> takenEmails = new HashSet<>();
		Set<String> takenUsernames = new HashSet<>();
		existing(students, takenEmails, takenUsernames);
		Map<String, Integer> fileEmails = new HashMap<>();
		Map<String, Integer> fileUsernames = new HashMap<>();
		List<List<ImportProblem>> problems = new ArrayList<>();
		for (int i = 0; i < students.size(); i++) {
			NewStudent student = students.get(i);
			List<ImportProblem> own = new ArrayList<>();
			LoginName email = LoginName.of(student.email());
			String username = lower(student.username());
			if (email.mixesScripts()) {
				own.add(ImportProblem.of("account.error.email-mixed-scripts"));
			}
			Integer earlierEmail = fileEmails.putIfAbsent(email.value(), i + 1);
			if (earlierEmail != null) {
				own.add(ImportProblem.of("import.error.email-twice", earlierEmail));
			}
			else if (takenEmails.contains(email.value())) {
				own.add(ImportProblem.of("account.error.email-taken"));
			}
			Integer earlierUsername = fileUsernames.putIfAbsent(username, i + 1);
			if (earlierUsername != null) {
				own.add(ImportProblem.of("import.error.username-twice", earlierUsername));
			}
			else if (takenUsernames.contains(username)) {
				own.add(ImportProblem.of("account.error.username-taken"));
			}
			problems.add(own);
		}
		return problems;
	}

	/**
	 * Creates the students, each with an invitation by e-mail, all or none; a
	 * confirmation sent again finds what the first created.
	 * @param adminId the admin confirming
	 * @param submissionKey the confirmation's key
	 * @param contentSha256 the SHA-256 of the previewed file, as the confirmation carried
	 * it
	 * @param students the file's students, in order
	 * @return how many accounts the import created
	 * @throws ImportRefusedException when a line is refused now (nothing is written)
	 * @throws org.springframework.dao.DataIntegrityViolationException when a racing
	 * confirmation of the same key, or an account made meanwhile, won: ask again
	 */
	@Transactional
	public int importAll(long adminId, String submissionKey, String contentSha256, List<NewStudent> students) {
		if (!available()) {
			throw new AccountException(null, "account.error.managed-in-otos");
		}
		Optional<Integer> earlier = earlier(adminId, submissionKey);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into otos_student_import (admin_id, submission_key, content_sha256, created_count, created_at)
				values (:admin, :key, :sha, :count, :now)
				""")
			.param("admin", adminId)
			.param("key", submissionKey)
			.param("sha", contentSha256)
			.param("count", students.size())
			.param("now", Timestamp.from(now))
			.update();
		List<List<ImportProblem>> problems = check(students);
		if (problems.stream().anyMatch((own) -> !own.isEmpty())) {
			throw new ImportRefusedException(problems);
		}
		Role student = this.roles.findByName(RoleName.STUDENT)
			.orElseThrow(() -> new IllegalStateException("otosapp_role has no row for Student"));
		for (NewStudent row : students) {
			User user = this.users
				.save(new User(LoginName.of(row.email()).value(), row.username().strip(), row.firstName().strip(),
						(row.lastName() != null) ? row.lastName().strip() : "", student, unusablePassword(), now));
			this.events.publishEvent(new AccountChanged(user.getId()));
			this.resets.issue(user, true, INVITATION_LOCALE);
		}
		logger.info("Admin {} imported {} students (file SHA-256 {})", adminId, students.size(), contentSha256);
		return students.size();
	}

	private Optional<Integer> earlier(long adminId, String submissionKey) {
		return this.jdbc
			.sql("select created_count from otos_student_import where admin_id = :admin and submission_key = :key")
			.param("admin", adminId)
			.param("key", submissionKey)
			.query(Long.class)
			.optional()
			.map(Long::intValue);
	}

	/** The e-mails and usernames (lower case) of the accounts that have any of these. */
	private void existing(List<NewStudent> students, Set<String> emails, Set<String> usernames) {
		List<String> wantedEmails = students.stream().map((s) -> LoginName.of(s.email()).value()).distinct().toList();
		List<String> wantedUsernames = students.stream().map((s) -> lower(s.username())).distinct().toList();
		if (wantedEmails.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				select lower(email) as email, lower(username) as username from otosapp_user
				where lower(email) in (:emails) or lower(username) in (:usernames)
				""").param("emails", wantedEmails).param("usernames", wantedUsernames).query((rs, n) -> {
			emails.add(rs.getString("email"));
			usernames.add(rs.getString("username"));
			return null;
		}).list();
	}

	private static String lower(String text) {
		return (text != null) ? text.strip().toLowerCase(Locale.ROOT) : "";
	}

	/** A password no password matches, in Django's form: {@code !} and 40 characters. */
	private String unusablePassword() {
		StringBuilder password = new StringBuilder("!");
		for (int i = 0; i < 40; i++) {
			password.append(UNUSABLE_CHARACTERS.charAt(this.random.nextInt(UNUSABLE_CHARACTERS.length())));
		}
		return password.toString();
	}

}
