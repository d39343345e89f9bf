package id.otos.messaging.schema;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded H2 database runs the same migrations and queries as PostgreSQL only in
 * PostgreSQL mode with lower-case names and PostgreSQL's ordering of nulls. Any H2
 * {@code spring.datasource.url} given (say, to move the data folder:
 * {@code jdbc:h2:file:/srv/otos/db}) gets those settings added; one that sets any of them
 * otherwise is refused before anything starts, with one line saying what to write.
 * Without this, such a URL started, migrated and logged in fine, then answered 500 on
 * every new thread.
 */
public class H2Modes implements EnvironmentPostProcessor, Ordered {

	/** The settings the application needs on H2, and their values. */
	static final Map<String, String> REQUIRED = requiredSettings();

	private static final String URL = "spring.datasource.url";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty(URL);
		if (url != null && url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
			String completed = completed(url);
			if (!completed.equals(url)) {
				environment.getPropertySources().addFirst(new MapPropertySource("otosH2Modes", Map.of(URL, completed)));
			}
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The URL with the settings the application needs added to those it has.
	 * @param url an H2 JDBC URL
	 * @return the URL to use
	 * @throws H2ModeException if the URL sets one of them to another value
	 */
	static String completed(String url) {
		String[] parts = url.split(";");
		Map<String, String> given = new LinkedHashMap<>();
		for (int i = 1; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			if (equals > 0) {
				given.put(parts[i].substring(0, equals).strip().toUpperCase(Locale.ROOT),
						parts[i].substring(equals + 1).strip());
			}
		}
		StringBuilder completed = new StringBuilder(url);
		REQUIRED.forEach((setting, value) -> {
			String set = given.get(setting);
			if (set == null) {
				completed.append(';').append(setting).append('=').append(value);
			}
			else if (!set.equalsIgnoreCase(value)) {
				throw new H2ModeException(url, setting, set);
			}
		});
		return completed.toString();
	}

	private static Map<String, String> requiredSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("MODE", "PostgreSQL");
		settings.put("DATABASE_TO_LOWER", "TRUE");
		settings.put("DEFAULT_NULL_ORDERING", "HIGH");
		return settings;
	}

	/** An H2 URL whose settings the application cannot run with. */
	public static class H2ModeException extends IllegalStateException {

		H2ModeException(String url, String setting, String value) {
			super("spring.datasource.url sets " + setting + "=" + value + ", but otos-messaging runs on H2 only with "
					+ setting + "=" + REQUIRED.get(setting) + ": write " + url.split(";")[0] + ";"
					+ String.join(";",
							REQUIRED.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).toList())
					+ " (or leave these settings out: they are added)");
		}

	}

}
