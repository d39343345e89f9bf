package id.otos.messaging.seed;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code db sessions --count=N [--role=student|teacher|operator|admin]}: log-ins for the
 * live-updates load client ({@code bench/streams}), which needs thousands of different
 * logged-in people at once. Logging them in through the form would cost a bcrypt each and
 * meet the log-in throttle, so this writes the sessions a log-in would write: Spring
 * Session rows holding the security context of the account as the application reads it
 * (credentials erased, as after a log-in), with the configured idle timeout. It prints
 * one line per session: the {@code SESSION} cookie's value, the person's id and, for a
 * student, the id of their newest thread (else 0).
 *
 * <p>
 * It mints log-ins only for the accounts {@code db seed} made (e-mail addresses at
 * {@code bench.otos.test}), so it cannot log anybody in as a real person; it runs only
 * from the command line with the database's credentials (it starts the application
 * without a web server), never over HTTP. Returns 0, 1 when the database holds fewer
 * seeded accounts of the role than asked for (then nothing is written), or 2 for a usage
 * error.
 */
public final class SessionsCommand {

	static final int MAX_COUNT = 100_000;

	/** Sessions written per transaction (one commit each, not one per session). */
	private static final int BATCH = 500;

	static final String USAGE = "Usage: db sessions --count=N [--role=student|teacher|operator|admin]";

	private static final Map<String, Object> SETTINGS = Map.of("logging.level.root", "WARN",
			"logging.level.org.springframework.boot.SpringApplication", "OFF", "otos.demo.enabled", "false",
			"otos.notifications.enabled", "false", "spring.main.lazy-initialization", "true");

	private static final Map<String, String> ROLES = Map.of("student", "Student", "teacher", "Teacher", "operator",
			"Operator", "admin", "Admin");

	private static final String SEEDED = """
			select u.id,
			       (select max(t.id) from otosapp_messagethread t where t.student_id = u.id) as thread_id
			from otosapp_user u join otosapp_role r on r.id = u.role_id
			where r.role_name = :role and u.is_active and u.email like '%@bench.otos.test'
			order by u.id
			limit :count
			""";

	private SessionsCommand() {
	}

	public static boolean isRequested(String[] args) {
		return args.length > 1 && "db".equals(args[0]) && "sessions".equals(args[1]);
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("db sessions: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(SETTINGS)
			.run(options.settings().toArray(String[]::new))) {
			List<Seeded> people = JdbcClient.create(context.getBean(DataSource.class))
				.sql(SEEDED)
				.param("role", ROLES.get(options.role()))
				.param("count", options.count())
				.query((row, number) -> new Seeded(row.getLong("id"), row.getLong("thread_id")))
				.list();
			if (people.size() < options.count()) {
				err.printf(Locale.ROOT,
						"db sessions refused: %d seeded %s account(s) here (e-mail at bench.otos.test), %d asked for;"
								+ " nothing was written. Fill the database with db seed.%n",
						people.size(), options.role(), options.count());
				return 1;
			}
			JdbcIndexedSessionRepository sessions = repository(context);
			Accounts accounts = context.getBean(Accounts.class);
			TransactionTemplate transaction = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			for (int from = 0; from < people.size(); from += BATCH) {
				List<Seeded> batch = people.subList(from, Math.min(people.size(), from + BATCH));
				List<String> lines = transaction.execute((status) -> batch.stream()
					.map((person) -> cookieValue(logIn(sessions, accounts.currentUser(person.id()).orElseThrow()))
							+ "\t" + person.id() + "\t" + person.threadId())
					.toList());
				lines.forEach(out::println);
			}
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("db sessions failed: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Writes a session as a form log-in would leave it: the security context, the
	 * principal name Spring Session indexes it under (derived from it on save).
	 */
	private static <S extends Session> String logIn(SessionRepository<S> sessions, CurrentUser person) {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(person,
				null, person.getAuthorities());
		authentication.eraseCredentials();
		S session = sessions.createSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(authentication));
		sessions.save(session);
		return session.getId();
	}

	/** Spring Session's repository as the web application configures it. */
	private static JdbcIndexedSessionRepository repository(ConfigurableApplicationContext context) {
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(
				new JdbcTemplate(context.getBean(DataSource.class)),
				new TransactionTemplate(context.getBean(PlatformTransactionManager.class)));
		Duration timeout = context.getBean(Environment.class)
			.getProperty("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30));
		sessions.setDefaultMaxInactiveInterval(timeout);
		return sessions;
	}

	/** The {@code SESSION} cookie carries the id in Base64 (Spring Session's default). */
	private static String cookieValue(String sessionId) {
		return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8));
	}

	private record Seeded(long id, long threadId) {
	}

	record Options(int count, String role, List<String> settings) {

		static Options parse(String[] args) {
			Integer count = null;
			String role = "student";
			List<String> settings = new ArrayList<>();
			for (String arg : Arrays.copyOfRange(args, 2, args.length)) {
				if (arg.startsWith("--count=")) {
					count = number(arg);
				}
				else if (arg.startsWith("--role=")) {
					role = arg.substring("--role=".length());
					if (!ROLES.containsKey(role)) {
						throw new IllegalArgumentException("not a role: " + arg);
					}
				}
				else if (arg.startsWith("--")) {
					settings.add(arg);
				}
				else {
					throw new IllegalArgumentException("not an option: " + arg);
				}
			}
			if (count == null) {
				throw new IllegalArgumentException("--count is required");
			}
			if (count < 1 || count > MAX_COUNT) {
				throw new IllegalArgumentException("--count must be between 1 and " + MAX_COUNT + ": --count=" + count);
			}
			return new Options(count, role, settings);
		}

		private static int number(String arg) {
			try {
				return Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("not a number: " + arg);
			}
		}

	}

}
