package id.otos.messaging.adoption;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import id.otos.messaging.accounts.AccountsProperties;
import id.otos.messaging.attachments.AttachmentProperties;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code db adopt [--media=DIR] [--dry-run]}: adopts the otos (Django) PostgreSQL
 * database that the settings point at (README, "Adopting an otos database"). Refuses,
 * naming why and changing nothing, a database that is not otos at a migration state this
 * build knows; says so and does nothing on a database adopted already; otherwise adopts
 * it in one transaction, printing each step and a summary. {@code --dry-run} does all of
 * it and rolls it back. Returns the exit code: 0 done (or nothing to do), 1 refused or
 * failed, 2 usage.
 */
public final class AdoptCommand {

	private static final String USAGE = "Usage: db adopt [--media=<otos's MEDIA_ROOT>] [--dry-run]"
			+ " [--spring.datasource.url=... and other settings]";

	private static final Map<String, Object> SETTINGS = Map.of("logging.level.root", "WARN",
			"logging.level.org.springframework.boot.SpringApplication", "OFF");

	private AdoptCommand() {
	}

	public static boolean isRequested(String[] args) {
		return args.length > 1 && "db".equals(args[0]) && "adopt".equals(args[1]);
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String mediaOption = null;
		boolean dryRun = false;
		List<String> settings = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("--media=")) {
				mediaOption = arg.substring("--media=".length());
			}
			else if (arg.equals("--dry-run")) {
				dryRun = true;
			}
			else if (arg.startsWith("--") && arg.contains("=")) {
				settings.add(arg);
			}
			else {
				err.println("db adopt: unknown option " + arg);
				err.println(USAGE);
				return 2;
			}
		}
		MediaFolder media;
		try {
			media = MediaFolder.of(mediaOption);
		}
		catch (IllegalArgumentException ex) {
			err.println("db adopt refused: " + ex.getMessage() + "; nothing was changed.");
			return 1;
		}
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = start(application, settings)) {
			return adopt(context, media, dryRun, out, err, started);
		}
		catch (RuntimeException ex) {
			err.println("db adopt failed: " + rootCause(ex).getMessage() + "; nothing was changed.");
			return 1;
		}
	}

	private static int adopt(ConfigurableApplicationContext context, MediaFolder media, boolean dryRun, PrintStream out,
			PrintStream err, long started) {
		DataSource dataSource = context.getBean(DataSource.class);
		try (Connection connection = dataSource.getConnection()) {
			OtosDatabase database = new OtosDatabase(connection);
			Optional<String> product = database.productRefusal();
			if (product.isPresent()) {
				err.println("db adopt refused: " + product.get());
				return 1;
			}
			if (database.isAdopted()) {
				out.println("Nothing to do: this database was adopted already (see `db status`).");
				return 0;
			}
			Optional<String> refusal = database.refusal();
			if (refusal.isPresent()) {
				err.println("db adopt refused: " + refusal.get());
				return 1;
			}
			out.println((dryRun ? "Dry run of the adoption of" : "Adopting") + " the otos database "
					+ connection.getCatalog() + " (otosapp migrations up to 0037 applied):");
			connection.setAutoCommit(false);
			try {
				AdoptionReport report = new Adoption(connection, media,
						context.getBean(AttachmentProperties.class).maxBytes(),
						context.getBean(AccountsProperties.class).profilePictureMaxBytes(), out, Clock.systemUTC())
					.run();
				if (dryRun) {
					connection.rollback();
				}
				else {
					connection.commit();
				}
				report.print(out, dryRun, (System.nanoTime() - started) / 1e9);
				if (!dryRun) {
					out.println("The schema history records the adoption at V" + OtosDatabase.ADOPTED_VERSION
							+ "; the application applies any later migration when it starts (or `db migrate`).");
				}
				return 0;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				err.println();
				err.println("db adopt failed: " + oneLine(rootCause(ex).getMessage())
						+ "; everything was rolled back, the database is exactly as it was.");
				return 1;
			}
		}
		catch (SQLException ex) {
			err.println("db adopt failed: " + oneLine(ex.getMessage()) + "; nothing was changed.");
			return 1;
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, List<String> settings) {
		SpringApplication app = new SpringApplicationBuilder(Components.class).main(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.build();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("dbAdopt", SETTINGS));
		app.setEnvironment(environment);
		return app.run(settings.toArray(String[]::new));
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String oneLine(String message) {
		return (message != null) ? message.strip().replaceAll("\\s*\\R\\s*", " ") : "no reason given";
	}

	/** The part of the application the adoption needs: the database and two limits. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	@EnableConfigurationProperties({ AttachmentProperties.class, AccountsProperties.class })
	static class Components {

	}

}
