package id.otos.messaging.schema;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code db} command: {@code db status}, {@code db validate}, {@code db migrate} on
 * the application's database, and {@code db release} on the source tree. Returns the
 * process's exit code: 0 when all is well, 1 on any problem, 2 on a usage error.
 */
public final class DbCommand {

	private static final String USAGE = """
			Usage: db <command> [--spring.datasource.url=... and other application settings]
			  db status    every migration, applied [X] or not [ ], and whether it matches this build
			  db validate  check the migration files and the database's history against this build
			  db migrate   apply the pending migrations (what the application does on start)
			  db release   (from the project root, no database) list every new migration as released
			  db seed      [--scale=N] fill an empty PostgreSQL database with benchmark data (id.otos.messaging.seed)
			  db adopt     [--media=DIR] [--dry-run] adopt an otos (Django) PostgreSQL database (id.otos.messaging.adoption)
			""";

	private DbCommand() {
	}

	public static boolean isRequested(String[] args) {
		return args.length > 0 && "db".equals(args[0]);
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String command = (args.length > 1) ? args[1] : "";
		String[] settings = Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
		Path projectRoot = Path.of("");
		return switch (command) {
			case "release" -> new MigrationRelease(projectRoot).run(out, err);
			case "status" -> onDatabase(application, command, settings, err, new DbStatus(out, err)::run);
			case "validate" ->
				onDatabase(application, command, settings, err, new DbValidate(out, err, projectRoot)::run);
			case "migrate" -> onDatabase(application, command, settings, err, new DbMigrate(out, err)::run);
			default -> {
				err.print(USAGE);
				yield 2;
			}
		};
	}

	private static int onDatabase(Class<?> application, String command, String[] settings, PrintStream err,
			DatabaseAction action) {
		try (ConfigurableApplicationContext context = DbMode.start(application, settings)) {
			return action.run(context.getBean(Flyway.class), DatabaseName.of(context.getBean(DataSource.class)));
		}
		catch (RuntimeException ex) {
			err.println("db " + command + " failed: " + rootCause(ex).getMessage());
			return 1;
		}
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	@FunctionalInterface
	private interface DatabaseAction {

		int run(Flyway flyway, DatabaseName database);

	}

}
