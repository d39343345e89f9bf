package id.otos.messaging.adoption;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.otos.messaging.database.DatabaseProduct;

/**
 * What a database is, read before anything is changed: an otos (Django) database at a
 * migration state this build knows, with the tables in the shape this build reads and
 * writes; one otos-messaging adopted already; or something else. Every refusal names what
 * is wrong, on one line.
 */
final class OtosDatabase {

	/** The baseline an adopted database's schema history records: our V5. */
	static final String ADOPTED_VERSION = "5";

	static final String ADOPTION_DESCRIPTION = "<< otos adoption: db adopt >>";

	private final Connection connection;

	OtosDatabase(Connection connection) {
		this.connection = connection;
	}

	/** PostgreSQL, or the reason this database cannot be adopted. */
	Optional<String> productRefusal() throws SQLException {
		String product = this.connection.getMetaData().getDatabaseProductName();
		return (DatabaseProduct.named(product) == DatabaseProduct.POSTGRESQL) ? Optional.empty()
				: Optional.of("db adopt works on the PostgreSQL database of a running otos, and this database is "
						+ product + ". Point SPRING_DATASOURCE_URL at otos's database.");
	}

	/** Whether the schema history shows the adoption already. */
	boolean isAdopted() throws SQLException {
		if (!hasTable("flyway_schema_history")) {
			return false;
		}
		try (PreparedStatement statement = this.connection.prepareStatement(
				"select count(*) from flyway_schema_history where type = 'BASELINE' and description = ?")) {
			statement.setString(1, ADOPTION_DESCRIPTION);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1) > 0;
			}
		}
	}

	/**
	 * Why this database is no otos database to adopt, if it is not one: not Django's, not
	 * otos's, one of otos-messaging's own, or otos at a migration state this build does
	 * not know, or with tables of another shape.
	 */
	Optional<String> refusal() throws SQLException {
		if (hasTable("flyway_schema_history")) {
			return Optional.of("the database already has a schema history (flyway_schema_history) but no adoption in"
					+ " it: it is a database of otos-messaging's own, not an otos database to adopt.");
		}
		if (!hasTable("django_migrations")) {
			return Optional.of("the database has no django_migrations table: it is not the database of a Django"
					+ " app, so not otos's.");
		}
		List<String> applied = appliedOtosappMigrations();
		if (applied.isEmpty()) {
			return Optional.of("django_migrations lists no migration of the app otosapp: this Django database is"
					+ " not otos's.");
		}
		Optional<String> state = migrationStateRefusal(applied);
		if (state.isPresent()) {
			return state;
		}
		return shapeRefusal();
	}

	/**
	 * The migrations this build knows must all be applied, and no other: an unknown one
	 * is from an otos this build does not know, a missing one leaves the tables half-way.
	 */
	static Optional<String> migrationStateRefusal(List<String> applied) {
		List<String> known = lines("db/adoption/otos-migrations.txt");
		Set<String> unknown = new LinkedHashSet<>(applied);
		known.forEach(unknown::remove);
		if (!unknown.isEmpty()) {
			return Optional.of("otos's migration otosapp." + unknown.iterator().next()
					+ " is applied, but this build knows otos only up to otosapp." + known.get(known.size() - 1)
					+ ": adopting would touch tables of a shape it does not know. Use an otos-messaging release that"
					+ " knows it.");
		}
		for (String migration : known) {
			if (!applied.contains(migration)) {
				return Optional.of("otos's migration otosapp." + migration + " is not applied (its migration state is"
						+ " half-way: " + applied.size() + " of " + known.size()
						+ " known migrations applied). Run otos's own `python manage.py migrate` first.");
			}
		}
		return Optional.empty();
	}

	/**
	 * Each column this build reads or writes exists, of the type and nullability it
	 * expects.
	 */
	Optional<String> shapeRefusal() throws SQLException {
		Map<String, String> actual = columns();
		for (String expected : lines("db/adoption/otos-tables.txt")) {
			String[] parts = expected.split(" ");
			String column = parts[0] + "." + parts[1];
			String shape = parts[2] + " " + parts[3];
			String found = actual.get(column);
			if (found == null) {
				return Optional.of("the otos database has no column " + column + " (" + shape
						+ "), which otos at otosapp 0037 has: the tables are of another shape than the migration"
						+ " state says, so nothing was adopted.");
			}
			if (!found.equals(shape)) {
				return Optional.of("the otos database's column " + column + " is " + found + ", where otos at"
						+ " otosapp 0037 has " + shape + ": the tables are of another shape than the migration state"
						+ " says, so nothing was adopted.");
			}
		}
		return Optional.empty();
	}

	private List<String> appliedOtosappMigrations() throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("select name from django_migrations where app = 'otosapp' order by id");
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	private Map<String, String> columns() throws SQLException {
		Map<String, String> columns = new HashMap<>();
		try (PreparedStatement statement = this.connection.prepareStatement("""
				select table_name, column_name, udt_name, character_maximum_length, is_nullable
				from information_schema.columns
				where table_schema = current_schema()
				"""); ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				Object length = result.getObject("character_maximum_length");
				String type = result.getString("udt_name") + ((length != null) ? "(" + length + ")" : "");
				String nullable = "YES".equals(result.getString("is_nullable")) ? "null" : "not-null";
				columns.put(result.getString("table_name") + "." + result.getString("column_name"),
						type + " " + nullable);
			}
		}
		return columns;
	}

	boolean hasTable(String name) throws SQLException {
		DatabaseMetaData metaData = this.connection.getMetaData();
		try (ResultSet tables = metaData.getTables(null, this.connection.getSchema(), name, new String[] { "TABLE" })) {
			return tables.next();
		}
	}

	/** The lines of a resource of this build, without comments and blank lines. */
	static List<String> lines(String resource) {
		try (InputStream in = OtosDatabase.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("This build lacks its resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
