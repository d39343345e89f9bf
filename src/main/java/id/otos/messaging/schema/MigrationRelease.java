package id.otos.messaging.schema;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code db release}: appends every migration that is not released yet to the manifest in
 * the source tree, after checking that names, order and released files are in order. Runs
 * on the source tree alone, without a database or a Spring context.
 */
final class MigrationRelease {

	private final Path projectRoot;

	MigrationRelease(Path projectRoot) {
		this.projectRoot = projectRoot;
	}

	int run(PrintStream out, PrintStream err) {
		if (!MigrationSource.isInProject(this.projectRoot)) {
			err.println("db release: there is no " + MigrationSource.SOURCE_FOLDER + " under "
					+ this.projectRoot.toAbsolutePath().normalize()
					+ ". Run it from the project root (the folder with pom.xml).");
			return 1;
		}
		MigrationSource source = MigrationSource.inProject(this.projectRoot);
		List<MigrationProblem> problems = new ArrayList<>(source.files().problems());
		if (source.manifest().isPresent()) {
			problems.addAll(ReleaseRules.problems(source.manifest(), source.files()));
		}
		if (!problems.isEmpty()) {
			err.println("db release: nothing released, because:");
			problems.forEach((problem) -> err.println("  " + problem));
			return 1;
		}
		List<MigrationFile> unreleased = source.unreleased();
		if (unreleased.isEmpty()) {
			out.println("Nothing to release: all " + source.files().all().size() + " migrations are listed in "
					+ MigrationSource.SOURCE_MANIFEST + ".");
			return 0;
		}
		append(this.projectRoot.resolve(MigrationSource.SOURCE_MANIFEST), unreleased);
		unreleased.forEach((file) -> out.println("Released " + file.name() + " (sha256 " + file.sha256() + ")"));
		out.println("Commit " + MigrationSource.SOURCE_MANIFEST + " with the migrations. From now on these files"
				+ " must never change; later changes go into new migrations.");
		return 0;
	}

	private static void append(Path manifest, List<MigrationFile> files) {
		StringBuilder text = new StringBuilder();
		try {
			if (!Files.exists(manifest)) {
				text.append(MigrationManifest.HEADER);
			}
			else if (!Files.readString(manifest, StandardCharsets.UTF_8).endsWith("\n") && Files.size(manifest) > 0) {
				text.append('\n');
			}
			files.forEach((file) -> text.append(MigrationManifest.line(file)).append('\n'));
			Files.writeString(manifest, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + manifest, ex);
		}
	}

}
