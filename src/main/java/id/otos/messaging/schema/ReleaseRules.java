package id.otos.messaging.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.flywaydb.core.api.MigrationVersion;

/**
 * The rules for released migrations, checked against a migrations folder: the manifest is
 * there and well formed, every released file is there byte for byte under its name, and
 * every new file is numbered after the last release.
 */
final class ReleaseRules {

	private final MigrationManifest manifest;

	private final MigrationFiles files;

	private final int nextVersion;

	private ReleaseRules(MigrationManifest manifest, MigrationFiles files) {
		this.manifest = manifest;
		this.files = files;
		this.nextVersion = Math.max(files.highestVersion(), manifest.lastReleasedVersion()) + 1;
	}

	static List<MigrationProblem> problems(MigrationManifest manifest, MigrationFiles files) {
		return new ReleaseRules(manifest, files).problems();
	}

	private List<MigrationProblem> problems() {
		if (!this.manifest.isPresent()) {
			return List.of(new MigrationProblem(this.manifest.location(), "the list of released migrations is missing."
					+ " Restore it from version control (a project that never released creates it with `db release`)."));
		}
		List<MigrationProblem> problems = new ArrayList<>(this.manifest.problems());
		Set<String> renamed = new HashSet<>();
		for (MigrationManifest.Entry entry : this.manifest.entries()) {
			releasedFileProblem(entry, renamed).ifPresent(problems::add);
		}
		Set<String> released = this.manifest.releasedNames();
		for (MigrationFile file : this.files.all()) {
			if (!released.contains(file.path()) && !renamed.contains(file.path())) {
				newFileProblem(file).ifPresent(problems::add);
			}
		}
		return problems;
	}

	private Optional<MigrationProblem> releasedFileProblem(MigrationManifest.Entry entry, Set<String> renamed) {
		Optional<MigrationFile> file = this.files.named(entry.fileName());
		if (file.isPresent()) {
			return file.get().sha256().equals(entry.sha256()) ? Optional.empty()
					: Optional.of(changed(entry, file.get()));
		}
		Set<String> released = this.manifest.releasedNames();
		List<MigrationFile> sameVersion = this.files.withVersion(MigrationVersion.fromVersion(entry.version() + ""))
			.stream()
			.filter((candidate) -> !released.contains(candidate.path()))
			.toList();
		if (!sameVersion.isEmpty()) {
			sameVersion.forEach((candidate) -> renamed.add(candidate.path()));
			return Optional.of(new MigrationProblem(entry.fileName(),
					"was released but is now named " + sameVersion.get(0).path() + ": a released migration must never"
							+ " be renamed (databases record its description, and the checksum covers its name)."
							+ " Rename it back to " + entry.fileName() + "."));
		}
		return Optional.of(new MigrationProblem(entry.fileName(), "was released but is missing: a released migration"
				+ " must never be removed, since databases have run it. Restore it from version control (git checkout"
				+ " -- " + this.files.location() + "/" + entry.fileName() + ")."));
	}

	private MigrationProblem changed(MigrationManifest.Entry entry, MigrationFile file) {
		return new MigrationProblem(entry.fileName(),
				"was released but has been changed: its SHA-256 is " + file.sha256() + ", " + this.manifest.location()
						+ " line " + entry.line() + " records " + entry.sha256()
						+ ". A released migration may already have run on a production database, so it must"
						+ " never be edited: restore it from version control (git checkout -- " + this.files.location()
						+ "/" + entry.fileName() + ") and make the change in a new migration, V" + this.nextVersion
						+ "__<what>.sql.");
	}

	private Optional<MigrationProblem> newFileProblem(MigrationFile file) {
		Optional<MigrationVersion> version = file.fileName().flywayVersion();
		int last = this.manifest.lastReleasedVersion();
		if (version.isEmpty() || version.get().compareTo(MigrationVersion.fromVersion(last + "")) > 0) {
			return Optional.empty();
		}
		String description = file.fileName().isValid() ? file.fileName().description() : "<snake_case>";
		return Optional.of(new MigrationProblem(file.path(),
				"is new but numbered " + version.get() + ", at or below the last released version " + last + " (see "
						+ this.manifest.location() + "): new migrations come after the last release. Rename it to V"
						+ this.nextVersion + "__" + description + ".sql."));
	}

}
