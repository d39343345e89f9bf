package id.otos.messaging.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db release} on a project's source tree, without a database.
 */
class MigrationReleaseTests {

	@TempDir
	Path project;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void releaseAppendsEveryUnreleasedMigrationToTheManifest() throws IOException {
		copyFixture("valid");
		Path manifest = this.project.resolve(MigrationSource.SOURCE_MANIFEST);
		List<String> before = Files.readAllLines(manifest);

		assertThat(release()).isZero();

		MigrationFile v2 = MigrationSource.inProject(this.project).files().named("V2__b.sql").orElseThrow();
		assertThat(Files.readAllLines(manifest)).startsWith(before.toArray(String[]::new))
			.endsWith("2 " + v2.sha256() + " V2__b.sql")
			.hasSize(before.size() + 1);
		assertThat(output()).contains("Released V2__b.sql (sha256 " + v2.sha256() + ")");
		assertThat(MigrationSource.inProject(this.project).problems()).isEmpty();
		assertThat(MigrationSource.inProject(this.project).unreleased()).isEmpty();
	}

	@Test
	void releasingTwiceReleasesNothingMore() throws IOException {
		copyFixture("valid");
		assertThat(release()).isZero();
		String manifest = Files.readString(this.project.resolve(MigrationSource.SOURCE_MANIFEST));

		assertThat(release()).isZero();

		assertThat(Files.readString(this.project.resolve(MigrationSource.SOURCE_MANIFEST))).isEqualTo(manifest);
		assertThat(output())
			.contains("Nothing to release: all 2 migrations are listed in " + MigrationSource.SOURCE_MANIFEST + ".");
	}

	@Test
	void theFirstReleaseWritesTheManifestWithItsExplanation() throws IOException {
		copyFixture("valid");
		Files.delete(this.project.resolve(MigrationSource.SOURCE_MANIFEST));

		assertThat(release()).isZero();

		String manifest = Files.readString(this.project.resolve(MigrationSource.SOURCE_MANIFEST));
		assertThat(manifest).startsWith(MigrationManifest.HEADER).contains(" V1__a.sql\n").endsWith(" V2__b.sql\n");
	}

	@Test
	void releaseRefusesWhileAReleasedMigrationIsEdited() throws IOException {
		copyFixture("edited");
		String manifest = Files.readString(this.project.resolve(MigrationSource.SOURCE_MANIFEST));

		assertThat(release()).isOne();

		assertThat(Files.readString(this.project.resolve(MigrationSource.SOURCE_MANIFEST))).isEqualTo(manifest);
		assertThat(errors()).startsWith("db release: nothing released, because:")
			.contains("V2__b.sql: was released but has been changed");
	}

	@Test
	void releaseRunsOnlyFromTheProjectRoot() {
		assertThat(release()).isOne();
		assertThat(errors()).contains("db release: there is no src/main/resources/db/migration under ")
			.contains("Run it from the project root (the folder with pom.xml).");
	}

	private int release() {
		return new MigrationRelease(this.project).run(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private void copyFixture(String name) throws IOException {
		Path fixture = Fixtures.path("release/" + name);
		Path folder = Files.createDirectories(this.project.resolve(MigrationSource.SOURCE_FOLDER));
		try (var files = Files.list(fixture.resolve("migration"))) {
			for (Path file : files.toList()) {
				Files.copy(file, folder.resolve(file.getFileName()));
			}
		}
		Files.copy(fixture.resolve("released-migrations.txt"), this.project.resolve(MigrationSource.SOURCE_MANIFEST));
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
