package id.otos.messaging.schema;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Released migrations are immutable: each one listed in the manifest is there byte for
 * byte under its name, and new migrations come after the last release.
 */
class MigrationManifestTests {

	@Test
	void theProjectsReleasedMigrationsAreUnchangedAndNewOnesComeAfterThem() {
		MigrationSource project = Fixtures.project();
		assertThat(project.problems()).isEmpty();
		assertThat(project.manifest().entries()).isNotEmpty();
	}

	@Test
	void theBuildShipsTheProjectsManifest() {
		MigrationSource built = MigrationSource.onClasspath(getClass().getClassLoader());
		assertThat(built.manifest().entries()).isEqualTo(Fixtures.project().manifest().entries());
		assertThat(built.problems()).isEmpty();
	}

	@Test
	void theFirstMigrationIsReleased() {
		assertThat(Fixtures.project().manifest().entries()).first()
			.satisfies((entry) -> assertThat(entry.fileName()).isEqualTo("V1__create_accounts_and_categories.sql"));
	}

	@Test
	void releasedFilesUnchangedAndANewOneAfterThemPass() {
		MigrationSource source = Fixtures.release("valid");
		assertThat(source.problems()).isEmpty();
		assertThat(source.unreleased()).extracting(MigrationFile::name).containsExactly("V2__b.sql");
	}

	@Test
	void anEditedReleasedMigrationFails() {
		MigrationSource source = Fixtures.release("edited");
		assertThat(messages(source)).containsExactly("V2__b.sql: was released but has been changed: its SHA-256 is "
				+ source.files().named("V2__b.sql").orElseThrow().sha256() + ", " + source.manifest().location()
				+ " line 3 records ac4396cdee0295db27f816dc31134189999d0071663e618f4957bc23edb584d7. A released"
				+ " migration may already have run on a production database, so it must never be edited: restore it"
				+ " from version control (git checkout -- " + source.files().location() + "/V2__b.sql) and make the"
				+ " change in a new migration, V3__<what>.sql.");
	}

	@Test
	void aRemovedReleasedMigrationFails() {
		MigrationSource source = Fixtures.release("removed");
		assertThat(messages(source)).containsExactly("V2__b.sql: was released but is missing: a released migration"
				+ " must never be removed, since databases have run it. Restore it from version control (git checkout"
				+ " -- " + source.files().location() + "/V2__b.sql).");
	}

	@Test
	void aRenamedReleasedMigrationFails() {
		assertThat(messages(Fixtures.release("renamed"))).containsExactly("V1__a.sql: was released but is now named"
				+ " V1__a_renamed.sql: a released migration must never be renamed (databases record its description,"
				+ " and the checksum covers its name). Rename it back to V1__a.sql.");
	}

	@Test
	void aNewMigrationNumberedAtOrBelowTheLastReleaseFails() {
		MigrationSource source = Fixtures.release("new-at-or-below");
		assertThat(messages(source)).containsExactly(
				"V2__b.sql and V2__merged_late.sql: Flyway reads all of them as version 2 (it treats 7, 007 and 7.0"
						+ " alike), and a version must be unique. Keep one and renumber the others from V3 on.",
				"V2__merged_late.sql: is new but numbered 2, at or below the last released version 2 (see "
						+ source.manifest().location() + "): new migrations come after the last release. Rename it to"
						+ " V3__merged_late.sql.");
	}

	@Test
	void aManifestThatIsNotAppendOnlyFails() {
		MigrationSource source = Fixtures.release("malformed");
		String manifest = source.manifest().location();
		assertThat(messages(source)).containsExactly(manifest + " line 3: \"3 not-a-checksum V3__c.sql\" is not a"
				+ " release line: each line is <version> <sha256 of the file bytes> <V<version>__<snake_case>.sql>, as"
				+ " written by `db release`. Restore the file from version control.",
				manifest + " line 4: lists version 1 where version 2 belongs: the released versions run 1, 2, 3, … in"
						+ " order, and the list is only ever appended to. Restore it from version control.");
	}

	@Test
	void aMissingManifestFails() {
		MigrationSource source = new MigrationSource(Fixtures.names("valid"),
				MigrationManifest.of("src/main/resources/db/released-migrations.txt", null));
		assertThat(messages(source)).containsExactly("src/main/resources/db/released-migrations.txt: the list of"
				+ " released migrations is missing. Restore it from version control (a project that never released"
				+ " creates it with `db release`).");
	}

	private static List<String> messages(MigrationSource source) {
		return source.problems().stream().map(MigrationProblem::toString).toList();
	}

}
