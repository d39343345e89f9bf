package id.otos.messaging.schema;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.adoption.AdoptCommand;
import id.otos.messaging.schema.SchemaSnapshot.Table;
import id.otos.messaging.schema.TestDatabase.Engine;
import id.otos.messaging.support.OtosFixture;
import id.otos.messaging.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An adopted otos database and a database of our own are the same to the application: the
 * adoption's script makes the tables of our own exactly as migrations V1 to V5 make them,
 * the messaging tables get every column of ours, the entities match the adopted schema as
 * they match the migrated one, and {@code db status} and {@code db migrate} take the
 * adoption's baseline as the migrations it stands for.
 */
class AdoptionSchemaTests {

	private static SchemaSnapshot adopted;

	private static SchemaSnapshot migrated;

	private static String adoptedDatabase;

	@BeforeAll
	static void adoptAndMigrate() {
		adoptedDatabase = OtosFixture.newDatabase("adopted_schema");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);
		int exitCode = AdoptCommand.run(MessagingApplication.class,
				new String[] { "db", "adopt", "--media=" + OtosFixture.media(),
						"--spring.datasource.url=" + TestDatabases.postgresUrl(adoptedDatabase),
						"--spring.datasource.username=postgres", "--spring.datasource.password=postgres" },
				stream, stream);
		assertThat(exitCode).as(output.toString(StandardCharsets.UTF_8)).isZero();
		// the migrations after the adoption's baseline apply as the application applies
		// them when it starts
		TestFlyway.on(TestDatabases.postgresDataSource(adoptedDatabase)).migrate();
		adopted = SchemaSnapshot.read(TestDatabases.postgresDataSource(adoptedDatabase));
		TestDatabase fresh = TestDatabase.create(Engine.POSTGRESQL, "fresh_schema");
		TestFlyway.on(fresh.dataSource()).migrate();
		migrated = SchemaSnapshot.read(fresh.dataSource());
	}

	@Test
	void theTablesOfOurOwnAreTheSameAsTheMigrationsMakeThem() {
		assertThat(ownTables(adopted)).isEqualTo(ownTables(migrated));
	}

	@Test
	void theMessagingTablesHaveEveryColumnOfOursOfTheSameShape() {
		for (String table : List.of("otosapp_messagethread", "otosapp_message")) {
			assertThat(shapes(adopted.tables().get(table))).as(table)
				.containsAllEntriesOf(shapes(migrated.tables().get(table)));
		}
	}

	/**
	 * The entities match, except where Django's foreign keys do in Python what ours do in
	 * the database: Django's are {@code NO ACTION} (deferred), and Django's ORM cascades
	 * or sets null itself when it deletes a category or a role. otos-messaging deletes
	 * neither, so the difference never matters here; any other is a fault.
	 */
	@Test
	void theEntitiesMatchTheAdoptedSchema() {
		List<Class<?>> entities = EntityClasses.under("id.otos.messaging");
		EntitySchema expected = EntitySchema.export(entities, TestDatabase.create(Engine.POSTGRESQL, "entities"));

		assertThat(new EntitySchemaComparison(expected, adopted, "a new migration").problems())
			.containsExactlyInAnyOrder(
					"Entity CategoryTeacher.category expects the foreign key otosapp_category_teachers(category_id) →"
							+ " otosapp_category(id) on delete cascade, but the migrated one is on delete no action. Add a"
							+ " new migration that recreates it on delete cascade, or change the mapping's @OnDelete.",
					"Entity User.role expects the foreign key otosapp_user(role_id) → otosapp_role(id) on delete set null,"
							+ " but the migrated one is on delete no action. Add a new migration that recreates it on"
							+ " delete set null, or change the mapping's @OnDelete.");
	}

	@Test
	void theSchemaHistoryShowsTheAdoptionAndHasNothingPendingOrWrong() {
		DataSource dataSource = TestDatabases.postgresDataSource(adoptedDatabase);
		SchemaHistory history = SchemaHistory.of(TestFlyway.on(dataSource));

		assertThat(history.problems()).isEmpty();
		assertThat(history.pending()).isEmpty();
		assertThat(history.migrations()
			.stream()
			.limit(6)
			.map((migration) -> SchemaHistory.label(migration) + ": " + MigrationCheck.of(migration).label()))
			.startsWith("V1 (create accounts and categories): by db adopt", "V2 (create message threads): by db adopt",
					"V3 (create session tables): by db adopt", "V4 (create mail digest tables): by db adopt",
					"V5 (shared tables in the shape of otos): by db adopt",
					"V5 (<< otos adoption: db adopt >>): by db adopt");
		assertThat(history.migrations().stream().skip(6)).as("the migrations after the adoption's baseline")
			.allSatisfy((migration) -> {
				assertThat(migration.getVersion().isNewerThan("5")).isTrue();
				assertThat(migration.getState().isApplied()).isTrue();
			});
	}

	/**
	 * Each column's type, size and nullability. Defaults may differ: the adoption gives
	 * {@code version} a default so that Django's inserts work, and Django's ids are
	 * {@code bigserial} where ours are identity columns: both take their value from the
	 * database.
	 */
	private static Map<String, String> shapes(Table table) {
		Map<String, String> shapes = new TreeMap<>();
		table.columns()
			.forEach((name, column) -> shapes.put(name, column.type().replace("bigserial", "int8") + "(" + column.size()
					+ "," + column.scale() + ") " + (column.nullable() ? "null" : "not null")));
		return shapes;
	}

	private static Map<String, Table> ownTables(SchemaSnapshot schema) {
		Map<String, Table> own = new TreeMap<>(schema.tables());
		own.keySet().removeIf((table) -> !table.startsWith("otos_") && !table.startsWith("spring_session"));
		return own;
	}

}
