package id.otos.messaging.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The real otos database of the test fixture ({@code src/test/resources/otos-django}, a
 * copy of the project's shared fixture: see its README): made by otos's own Django
 * migrations and ORM, with its media files, signed sessions and the original's unread
 * counts. Tests load it into a new database on the embedded PostgreSQL as it is, and read
 * ids, keys and expected counts from its JSON files rather than writing them down.
 */
public final class OtosFixture {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OtosFixture() {
	}

	/** The fixture's folder. */
	public static Path folder() {
		URL readme = OtosFixture.class.getClassLoader().getResource("otos-django/README.md");
		if (readme == null) {
			throw new IllegalStateException("The otos fixture (src/test/resources/otos-django) is missing");
		}
		try {
			return Path.of(readme.toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** otos's MEDIA_ROOT of the fixture. */
	public static Path media() {
		return folder().resolve("media");
	}

	/**
	 * A new database on the embedded PostgreSQL holding the otos database, loaded from
	 * {@code schema.sql} and {@code data.sql} as they are (without pg_dump's
	 * {@code \restrict} lines, which only psql understands).
	 * @param prefix the database name's prefix
	 * @return the database's name
	 */
	public static String newDatabase(String prefix) {
		String database = TestDatabases.newPostgresDatabase(prefix);
		load(database);
		return database;
	}

	/** Loads the otos database into an empty database. */
	public static void load(String database) {
		for (String file : new String[] { "schema.sql", "data.sql" }) {
			try (Connection connection = TestDatabases.postgresDataSource(database).getConnection()) {
				ScriptUtils.executeSqlScript(connection, new ByteArrayResource(dump(file)));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not load the otos fixture's " + file, ex);
			}
		}
	}

	/** A statement on the otos database, on a connection of its own. */
	public static void execute(String database, String sql) {
		try (Connection connection = TestDatabases.postgresDataSource(database).getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** A dump file without psql's meta-commands. */
	public static byte[] dump(String file) {
		String text = read(file);
		return text.lines()
			.filter((line) -> !line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict "))
			.reduce(new StringBuilder(), (all, line) -> all.append(line).append('\n'), StringBuilder::append)
			.toString()
			.getBytes(StandardCharsets.UTF_8);
	}

	/** {@code unread.json}: each user's unread count as the original computes it. */
	public static JsonNode unread() {
		return json("unread.json");
	}

	/** {@code generated.json}: user ids, thread ids, session keys as created. */
	public static JsonNode generated() {
		return json("generated.json");
	}

	/** {@code verify.json}: Django's own verdict on each session and password. */
	public static JsonNode verify() {
		return json("verify.json");
	}

	private static JsonNode json(String file) {
		return JSON.readTree(read(file));
	}

	private static String read(String file) {
		try {
			return Files.readString(folder().resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
