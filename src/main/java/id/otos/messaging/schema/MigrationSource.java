package id.otos.messaging.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A migrations folder with its list of released migrations: in the project's source tree,
 * on the classpath of a build, or a test fixture. Its problems are everything the file
 * checks find before any database sees the migrations.
 */
public final class MigrationSource {

	/** The migrations in the source tree, relative to the project root. */
	public static final String SOURCE_FOLDER = "src/main/resources/db/migration";

	/** The released migrations in the source tree, relative to the project root. */
	public static final String SOURCE_MANIFEST = "src/main/resources/db/released-migrations.txt";

	/** The migrations on the classpath, where Flyway finds them. */
	public static final String CLASSPATH_FOLDER = "db/migration";

	/** The released migrations on the classpath. */
	public static final String CLASSPATH_MANIFEST = "db/released-migrations.txt";

	private final MigrationFiles files;

	private final MigrationManifest manifest;

	public MigrationSource(MigrationFiles files, MigrationManifest manifest) {
		this.files = files;
		this.manifest = manifest;
	}

	/** A migrations folder and manifest on disk. */
	public static MigrationSource of(Path folder, Path manifest) {
		return new MigrationSource(MigrationFiles.inDirectory(folder), MigrationManifest.read(manifest));
	}

	/** Whether the project's source tree is under the given root. */
	public static boolean isInProject(Path projectRoot) {
		return Files.isDirectory(projectRoot.resolve(SOURCE_FOLDER));
	}

	/** The migrations of the project's source tree under the given root. */
	public static MigrationSource inProject(Path projectRoot) {
		return of(projectRoot.resolve(SOURCE_FOLDER), projectRoot.resolve(SOURCE_MANIFEST));
	}

	/** The migrations the application runs: those on its classpath. */
	public static MigrationSource onClasspath(ClassLoader classLoader) {
		return new MigrationSource(MigrationFiles.onClasspath(CLASSPATH_FOLDER, classLoader),
				MigrationManifest.onClasspath(CLASSPATH_MANIFEST, classLoader));
	}

	public MigrationFiles files() {
		return this.files;
	}

	public MigrationManifest manifest() {
		return this.manifest;
	}

	/** Names, order and release problems; empty when the migrations may run. */
	public List<MigrationProblem> problems() {
		List<MigrationProblem> problems = new ArrayList<>(this.files.problems());
		problems.addAll(ReleaseRules.problems(this.manifest, this.files));
		return problems;
	}

	/** Files not released yet, in version order. */
	public List<MigrationFile> unreleased() {
		return this.manifest.unreleased(this.files);
	}

}
