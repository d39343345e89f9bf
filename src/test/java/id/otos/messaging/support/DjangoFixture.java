package id.otos.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real otos database that Django itself made ({@link OtosFixture}: its README,
 * {@code schema.sql}, {@code data.sql}, {@code verify.json}), as the tests of the log-in
 * beside Django use it: the secret key, the nine users and five sessions, and Django's
 * own verdict on each session. Nothing here is hard-coded: a rebuild of the fixture (new
 * session keys and times) is read as it is.
 *
 * <p>
 * {@link #reset} puts it into a database migrated by this application's migrations (H2 or
 * PostgreSQL): Django's {@code django_session} table from {@code schema.sql}, and the
 * users with their ids, e-mails, password hashes, roles, activity and verification.
 */
public final class DjangoFixture {

	/** Where users made by a test start, far above the fixture's. */
	public static final long FIRST_TEST_USER_ID = 1000;

	private static DjangoFixture loaded;

	private final Path directory;

	private final String secretKey;

	private final String password;

	private final List<User> users;

	private final List<Session> sessions;

	private final List<Verdict> verdicts;

	private final String sessionTable;

	private final String sessionPrimaryKey;

	private DjangoFixture(Path directory) throws IOException {
		this.directory = directory;
		String readme = read("README.md");
		this.secretKey = group(readme, "SECRET_KEY = '([^']+)'");
		this.password = group(readme, "password `([^`]+)` for all");
		String data = read("data.sql");
		Map<BigDecimal, String> roles = new java.util.HashMap<>();
		SqlInserts.rows(data, "otosapp_role")
			.forEach((row) -> roles.put((BigDecimal) row.get("id"), (String) row.get("role_name")));
		this.users = SqlInserts.rows(data, "otosapp_user").stream().map((row) -> User.of(row, roles)).toList();
		this.sessions = SqlInserts.rows(data, "django_session")
			.stream()
			.map((row) -> new Session((String) row.get("session_key"), (String) row.get("session_data"),
					time((String) row.get("expire_date"))))
			.toList();
		JsonNode verify = JsonMapper.builder().build().readTree(read("verify.json"));
		List<Verdict> verdicts = new ArrayList<>();
		for (JsonNode session : verify.get("sessions")) {
			String user = session.get("get_user").stringValue();
			verdicts.add(new Verdict(session.get("session_key").stringValue(),
					Long.parseLong(session.get("_auth_user_id").stringValue()), session.get("expired").booleanValue(),
					session.get("auth_hash_matches_current_password").booleanValue(),
					"AnonymousUser".equals(user) ? Optional.empty() : Optional.of(user),
					Optional.ofNullable(session.get("http_redirect"))
						.filter(JsonNode::isString)
						.map(JsonNode::stringValue)));
		}
		this.verdicts = List.copyOf(verdicts);
		String schema = read("schema.sql");
		this.sessionTable = group(schema, "(CREATE TABLE public\\.django_session \\([^;]*\\));").replace("public.", "");
		this.sessionPrimaryKey = group(schema,
				"(ALTER TABLE ONLY public\\.django_session\\s+ADD CONSTRAINT django_session_pkey PRIMARY KEY \\(session_key\\));")
			.replace("ONLY public.", "");
	}

	/**
	 * The fixture, read once per test run.
	 * @return the fixture
	 */
	public static synchronized DjangoFixture load() {
		if (loaded == null) {
			try {
				loaded = new DjangoFixture(OtosFixture.folder());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return loaded;
	}

	public Path directory() {
		return this.directory;
	}

	/** Django's {@code SECRET_KEY} the fixture was made with. */
	public String secretKey() {
		return this.secretKey;
	}

	/** Every fixture user's password. */
	public String password() {
		return this.password;
	}

	public List<User> users() {
		return this.users;
	}

	public User user(long id) {
		return this.users.stream().filter((user) -> user.id() == id).findFirst().orElseThrow();
	}

	public User user(String email) {
		return this.users.stream().filter((user) -> user.email().equals(email)).findFirst().orElseThrow();
	}

	public List<Session> sessions() {
		return this.sessions;
	}

	public Session session(String key) {
		return this.sessions.stream().filter((session) -> session.key().equals(key)).findFirst().orElseThrow();
	}

	/** Django's verdict on each of the fixture's sessions ({@code verify.json}). */
	public List<Verdict> verdicts() {
		return this.verdicts;
	}

	/** A session Django took for a log-in. */
	public Verdict loggedInSession() {
		return this.verdicts.stream().filter(Verdict::loggedIn).findFirst().orElseThrow();
	}

	/**
	 * Puts the fixture into a database migrated by this application: creates
	 * {@code django_session} as Django did if it is not there, leaves it holding exactly
	 * the fixture's sessions, and the fixture's users as the fixture has them (other
	 * users a test added, from {@link #FIRST_TEST_USER_ID}, are removed). Used before
	 * every test, so each starts from the fixture whatever the one before changed.
	 * @param jdbc the database
	 */
	public void reset(JdbcClient jdbc) {
		boolean present = jdbc
			.sql("select count(*) from information_schema.tables where lower(table_name) = 'django_session'")
			.query(Long.class)
			.single() > 0;
		if (!present) {
			jdbc.sql(this.sessionTable).update();
			jdbc.sql(this.sessionPrimaryKey).update();
		}
		jdbc.sql("delete from django_session").update();
		for (Session session : this.sessions) {
			insertSession(jdbc, session.key(), session.data(), session.expireDate());
		}
		jdbc.sql("delete from otosapp_user where id >= :first").param("first", FIRST_TEST_USER_ID).update();
		for (User user : this.users) {
			int updated = jdbc.sql("""
					update otosapp_user set password = :password, last_login = :lastLogin, is_superuser = :superuser,
					username = :username, first_name = :firstName, last_name = :lastName, is_staff = :staff,
					is_active = :active, date_joined = :dateJoined, email = :email,
					role_id = (select id from otosapp_role where role_name = :role), profile_picture = :picture,
					phone_number = :phone, email_verified_at = :verified
					where id = :id
					""").paramSource(user).update();
			if (updated == 0) {
				jdbc.sql(
						"""
								insert into otosapp_user (id, password, last_login, is_superuser, username, first_name, last_name,
								is_staff, is_active, date_joined, email, role_id, profile_picture, phone_number, email_verified_at)
								values (:id, :password, :lastLogin, :superuser, :username, :firstName, :lastName, :staff, :active,
								:dateJoined, :email, (select id from otosapp_role where role_name = :role), :picture, :phone,
								:verified)
								""")
					.paramSource(user)
					.update();
			}
		}
		jdbc.sql("alter table otosapp_user alter column id restart with " + FIRST_TEST_USER_ID).update();
	}

	/** Writes a row of {@code django_session} as Django writes it. */
	public static void insertSession(JdbcClient jdbc, String key, String data, OffsetDateTime expireDate) {
		jdbc.sql("insert into django_session (session_key, session_data, expire_date) values (:key, :data, :expire)")
			.param("key", key)
			.param("data", data)
			.param("expire", expireDate)
			.update();
	}

	private String read(String name) throws IOException {
		return Files.readString(this.directory.resolve(name), StandardCharsets.UTF_8);
	}

	private static String group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("The fixture has no match for " + regex);
		}
		return matcher.group(1);
	}

	/** A timestamp as pg_dump writes it, such as {@code 2026-10-22 16:25:41.5+00}. */
	static OffsetDateTime time(String text) {
		if (text == null) {
			return null;
		}
		String iso = text.replace(' ', 'T');
		return OffsetDateTime.parse(iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso);
	}

	/**
	 * A user of the fixture, with the columns this application's {@code otosapp_user}
	 * shares with Django's, and the role by its name.
	 */
	public record User(long id, String password, OffsetDateTime lastLogin, boolean superuser, String username,
			String firstName, String lastName, boolean staff, boolean active, OffsetDateTime dateJoined, String email,
			String role, String picture, String phone, OffsetDateTime verified) {

		static User of(Map<String, Object> row, Map<BigDecimal, String> roles) {
			return new User(((BigDecimal) row.get("id")).longValueExact(), (String) row.get("password"),
					time((String) row.get("last_login")), (Boolean) row.get("is_superuser"),
					(String) row.get("username"), (String) row.get("first_name"), (String) row.get("last_name"),
					(Boolean) row.get("is_staff"), (Boolean) row.get("is_active"),
					time((String) row.get("date_joined")), (String) row.get("email"),
					roles.get((BigDecimal) row.get("role_id")), (String) row.get("profile_picture"),
					(String) row.get("phone_number"), time((String) row.get("email_verified_at")));
		}

	}

	/** A row of the fixture's {@code django_session}. */
	public record Session(String key, String data, OffsetDateTime expireDate) {

	}

	/**
	 * Django's verdict on a session of the fixture ({@code verify.json}).
	 *
	 * @param sessionKey the session
	 * @param userId the {@code _auth_user_id} it holds
	 * @param expired whether it had expired
	 * @param authHashMatches whether its {@code _auth_user_hash} matched the user's
	 * password
	 * @param loggedInAs the e-mail of the user Django's {@code get_user} gave, or empty
	 * for {@code AnonymousUser}
	 * @param djangoRedirect where Django sent {@code GET /api/messages/unread-count/}
	 * with it, if it did
	 */
	public record Verdict(String sessionKey, long userId, boolean expired, boolean authHashMatches,
			Optional<String> loggedInAs, Optional<String> djangoRedirect) {

		public boolean loggedIn() {
			return this.loggedInAs.isPresent();
		}

	}

}
