package id.otos.messaging.schema;

import java.util.List;

import id.otos.messaging.accounts.Role;
import id.otos.messaging.accounts.User;
import id.otos.messaging.categories.Category;
import id.otos.messaging.schema.TestDatabase.Engine;
import id.otos.schemadrift.DriftedCategory;
import id.otos.schemadrift.DriftedProfilePicture;
import id.otos.schemadrift.DriftedRole;
import id.otos.schemadrift.DriftedTeacherLink;
import id.otos.schemadrift.DriftedThread;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our {@code makemigrations --check}, on PostgreSQL: the schema the migrations build has
 * every table, column, foreign key and unique constraint the entities need; and each kind
 * of drift between an entity and the migrations is caught, naming the entity field, the
 * column and what to do.
 */
class EntitySchemaTests {

	private static final String NEW_MIGRATION = MigrationSource.SOURCE_FOLDER + "/V"
			+ (Fixtures.project().files().highestVersion() + 1) + "__<what>.sql";

	private static SchemaSnapshot migrated;

	@Test
	void theMigrationsCreateEverythingTheEntitiesNeed() {
		List<Class<?>> entities = EntityClasses.under("id.otos.messaging");
		assertThat(entities).contains(User.class, Role.class, Category.class);

		assertThat(problems(entities)).isEmpty();
	}

	@Test
	void theEntityScanLeavesOutTheDriftedTestEntities() {
		assertThat(EntityClasses.under("id.otos.messaging"))
			.noneMatch((type) -> type.getPackageName().equals(DriftedRole.class.getPackageName()));
	}

	@Test
	void anEntityFieldWithoutAColumnFails() {
		assertThat(problems(List.of(DriftedRole.class))).containsExactly("Entity DriftedRole.mood maps to column"
				+ " otosapp_role.mood (varchar(50), nullable) but no migration creates it. Add " + NEW_MIGRATION
				+ " that adds it.");
	}

	@Test
	void anEntityWithoutATableFails() {
		assertThat(problems(List.of(DriftedThread.class))).containsExactly("Entity DriftedThread maps to table"
				+ " otos_drift_never_created, but no migration creates it. Add " + NEW_MIGRATION + " that creates it.");
	}

	@Test
	void aColumnOfAnotherSizeOrNullabilityAndAMissingUniqueConstraintFail() {
		assertThat(problems(List.of(DriftedCategory.class))).containsExactlyInAnyOrder(
				"Entity DriftedCategory.name maps to column otosapp_category.category_name (varchar(300), not null)"
						+ " but the migrated column is varchar(200), not null. Make them agree: change the mapping, or"
						+ " add " + NEW_MIGRATION + " that alters the column.",
				"Entity DriftedCategory.releaseDate maps to column otosapp_category.release_date (timestamptz, nullable)"
						+ " but the migrated column is timestamptz, not null. Make them agree: change the mapping, or"
						+ " add " + NEW_MIGRATION + " that alters the column.",
				"Entity DriftedCategory.releaseDate expects a unique constraint on otosapp_category(release_date), but"
						+ " the migrated schema has no unique constraint or unique index on exactly these columns. Add "
						+ NEW_MIGRATION + " that adds it.");
	}

	@Test
	void aMissingForeignKeyFails() {
		assertThat(problems(List.of(DriftedTeacherLink.class, DriftedRole.class)))
			.contains("Entity DriftedTeacherLink.teacher expects a foreign key otosapp_category_teachers(user_id) →"
					+ " otosapp_role(id), but the migrated schema has none. Add " + NEW_MIGRATION + " that adds it.")
			.hasSize(2);
	}

	@Test
	void aNotNullColumnWithoutDefaultThatTheEntityDoesNotMapFails() {
		assertThat(problems(List.of(DriftedProfilePicture.class))).containsExactly("Column"
				+ " otos_profile_picture.updated_at (timestamptz, not null, no default) is not mapped by entity"
				+ " DriftedProfilePicture, so every insert through it would fail. Map the column, or add "
				+ NEW_MIGRATION + " that gives it a default or allows null.");
	}

	private static List<String> problems(List<Class<?>> entities) {
		EntitySchema expected = EntitySchema.export(entities, TestDatabase.create(Engine.POSTGRESQL, "entities"));
		return new EntitySchemaComparison(expected, migrated(), NEW_MIGRATION).problems();
	}

	/** The schema the migrations build on PostgreSQL; the same for every test. */
	private static synchronized SchemaSnapshot migrated() {
		if (migrated == null) {
			TestDatabase database = TestDatabase.create(Engine.POSTGRESQL, "migrated");
			TestFlyway.on(database.dataSource()).migrate();
			migrated = SchemaSnapshot.read(database.dataSource());
		}
		return migrated;
	}

}
