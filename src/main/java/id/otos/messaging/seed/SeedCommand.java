package id.otos.messaging.seed;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import id.otos.messaging.database.DatabaseProduct;
import id.otos.messaging.schema.DbCommand;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code db seed [--scale=N] [--password=...]}: fills an empty PostgreSQL database with a
 * generated school for benchmarks (at scale 1: 2,000 students, 40 teachers, 4 operators,
 * 2 admins, 20,000 threads, 200,000 messages, about 30% of them unread). It migrates the
 * schema first, as {@code db migrate} does, and refuses any database other than
 * PostgreSQL and one that already holds threads, so it never mixes into real data.
 * {@code --students}, {@code --teachers}, {@code --threads} and {@code --messages}
 * override single sizes. Returns the exit code: 0 done, 1 refused or failed, 2 usage.
 */
public final class SeedCommand {

	/** The fixed seed of the random numbers: the same options give the same rows. */
	static final long SEED = 20_000L;

	private static final Map<String, Object> SETTINGS = Map.of("logging.level.root", "WARN",
			"logging.level.org.springframework.boot.SpringApplication", "OFF");

	private SeedCommand() {
	}

	public static boolean isRequested(String[] args) {
		return args.length > 1 && "db".equals(args[0]) && "seed".equals(args[1]);
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
			err.println("db seed: " + ex.getMessage());
			err.println(
					"Usage: db seed [--scale=N] [--password=...] [--students=N --teachers=N --threads=N --messages=N]");
			return 2;
		}
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = start(application, options.settings())) {
			DataSource dataSource = context.getBean(DataSource.class);
			String product = DatabaseProduct.nameOf(dataSource);
			if (DatabaseProduct.named(product) != DatabaseProduct.POSTGRESQL) {
				err.println("db seed refused: it fills PostgreSQL only, and this database is " + product
						+ ". Point SPRING_DATASOURCE_URL at an empty PostgreSQL database.");
				return 1;
			}
			List<String> migrate = new ArrayList<>(List.of("db", "migrate"));
			migrate.addAll(options.settings());
			int migrated = DbCommand.run(application, migrate.toArray(String[]::new), out, err);
			if (migrated != 0) {
				return migrated;
			}
			return seed(dataSource, options, out, err, started);
		}
		catch (RuntimeException | SQLException ex) {
			err.println("db seed failed: " + ex.getMessage());
			return 1;
		}
	}

	private static int seed(DataSource dataSource, Options options, PrintStream out, PrintStream err, long started)
			throws SQLException {
		Progress progress = new Progress(out, started);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				if (holdsThreads(connection)) {
					connection.rollback();
					err.println("db seed refused: the database already holds threads; seed an empty database only,"
							+ " so that generated data never mixes with real data.");
					return 1;
				}
				SchoolSize size = options.size();
				out.printf(Locale.ROOT, "Generating %d students, %d teachers, %d threads, %d messages (seed %d)%n",
						size.students(), size.teachers(), size.threads(), size.messages(), SEED);
				SchoolPlan plan = new SchoolPlan(size, SEED);
				String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(options.password());
				new SchoolLoader(connection, progress, hash, Instant.now().truncatedTo(ChronoUnit.MILLIS)).load(plan);
				connection.commit();
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("analyze");
				}
				out.printf(Locale.ROOT,
						"Seeded %d users (%d students, %d teachers, %d operators, %d admins), %d categories,"
								+ " %d threads, %d messages (%d unread, %.1f%%) in %.1f s.%n",
						size.users(), size.students(), size.teachers(), SchoolSize.OPERATORS, SchoolSize.ADMINS,
						SchoolPlan.CATEGORIES.size(), size.threads(), size.messages(), plan.unreadMessages,
						100.0 * plan.unreadMessages / size.messages(), progress.seconds());
				return 0;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	/** Locks out other writers of threads until the load commits, then looks. */
	private static boolean holdsThreads(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("lock table otosapp_messagethread in share row exclusive mode");
			try (ResultSet result = statement.executeQuery("select exists (select 1 from otosapp_messagethread)")) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, List<String> settings) {
		SpringApplication app = new SpringApplicationBuilder(Components.class).main(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.build();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("dbSeed", SETTINGS));
		app.setEnvironment(environment);
		return app.run(settings.toArray(String[]::new));
	}

	/** The datasource alone: no web server, no Hibernate, no Flyway on start. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	static class Components {

	}

	record Options(SchoolSize size, String password, List<String> settings) {

		static Options parse(String[] args) {
			double scale = 1;
			String password = "bench-password";
			Integer students = null;
			Integer teachers = null;
			Integer threads = null;
			Integer messages = null;
			List<String> settings = new ArrayList<>();
			for (int i = 2; i < args.length; i++) {
				String arg = args[i];
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
				if (arg.startsWith("--scale=")) {
					scale = positive(number(value, arg), arg);
				}
				else if (arg.startsWith("--password=")) {
					password = value;
				}
				else if (arg.startsWith("--students=")) {
					students = count(value, arg);
				}
				else if (arg.startsWith("--teachers=")) {
					teachers = count(value, arg);
				}
				else if (arg.startsWith("--threads=")) {
					threads = count(value, arg);
				}
				else if (arg.startsWith("--messages=")) {
					messages = count(value, arg);
				}
				else {
					settings.add(arg);
				}
			}
			SchoolSize scaled = SchoolSize.scale(scale);
			int threadCount = (threads != null) ? threads : scaled.threads();
			SchoolSize size = new SchoolSize((students != null) ? students : scaled.students(),
					(teachers != null) ? teachers : scaled.teachers(), threadCount,
					(messages != null) ? messages : ((threads != null) ? threadCount * 10 : scaled.messages()));
			return new Options(size, password, List.copyOf(settings));
		}

		private static int count(String value, String arg) {
			double count = positive(number(value, arg), arg);
			if (count != Math.rint(count) || count > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("not a whole number: " + arg);
			}
			return (int) count;
		}

		private static double number(String value, String arg) {
			try {
				return Double.parseDouble(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("not a number: " + arg);
			}
		}

		private static double positive(double value, String arg) {
			if (!(value > 0)) {
				throw new IllegalArgumentException("not a positive number: " + arg);
			}
			return value;
		}

	}

}
