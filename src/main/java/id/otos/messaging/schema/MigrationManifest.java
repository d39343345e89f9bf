package id.otos.messaging.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The committed list of released migrations, {@code db/released-migrations.txt}: one line
 * {@code <version> <sha256 of the file bytes> <file name>} per released migration, in
 * version order, only ever appended to (by {@code db release}). A released migration may
 * have run on a production database, so it must stay byte for byte as it was; new
 * migrations are numbered after the last release.
 */
public final class MigrationManifest {

	/** The comment that opens a new manifest. */
	public static final String HEADER = """
			# Released migrations: every migration in db/migration that has been released, with the
			# SHA-256 of the file's bytes. A released migration may already have run on a production
			# database, so it must never be edited, renamed or removed: the build fails if one is.
			# New migrations are numbered after the last version listed here.
			#
			# Only ever appended to, by the release step, run from the project root:
			#   mvn spring-boot:run -Dspring-boot.run.arguments="db release"
			#   (or: java -jar target/otos-messaging-<version>.jar db release)
			#
			# <version> <sha256 of the file bytes> <file name>
			""";

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final String location;

	private final boolean present;

	private final List<Entry> entries = new ArrayList<>();

	private final List<MigrationProblem> formatProblems = new ArrayList<>();

	private MigrationManifest(String location, List<String> lines) {
		this.location = location;
		this.present = (lines != null);
		if (lines != null) {
			for (int i = 0; i < lines.size(); i++) {
				parse(lines.get(i).strip(), i + 1);
			}
		}
	}

	/** A manifest with these lines; {@code null} lines for a manifest that is missing. */
	public static MigrationManifest of(String location, List<String> lines) {
		return new MigrationManifest(location, lines);
	}

	public static MigrationManifest read(Path file) {
		String location = file.toString().replace('\\', '/');
		if (!Files.exists(file)) {
			return new MigrationManifest(location, null);
		}
		try {
			return new MigrationManifest(location, Files.readAllLines(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	public static MigrationManifest onClasspath(String resource, ClassLoader classLoader) {
		try (InputStream in = classLoader.getResourceAsStream(resource)) {
			List<String> lines = (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()
					: null;
			return new MigrationManifest("classpath:" + resource, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource + " from the classpath", ex);
		}
	}

	/** The manifest line that releases the file. */
	public static String line(MigrationFile file) {
		return file.fileName().version() + " " + file.sha256() + " " + file.name();
	}

	public String location() {
		return this.location;
	}

	public boolean isPresent() {
		return this.present;
	}

	public List<Entry> entries() {
		return List.copyOf(this.entries);
	}

	/** The highest released version; 0 when nothing is released. */
	public int lastReleasedVersion() {
		return this.entries.stream().mapToInt(Entry::version).max().orElse(0);
	}

	/** Files with a valid name that the manifest does not list, in version order. */
	public List<MigrationFile> unreleased(MigrationFiles files) {
		Set<String> listed = releasedNames();
		return files.all()
			.stream()
			.filter((file) -> !file.isInSubfolder() && file.fileName().isValid() && !listed.contains(file.name()))
			.sorted(Comparator.comparingInt((MigrationFile file) -> file.fileName().version()))
			.toList();
	}

	/**
	 * What is wrong with the manifest itself: lines that are not release lines, and
	 * versions out of sequence (it lists 1, 2, 3, … and is only ever appended to).
	 */
	public List<MigrationProblem> problems() {
		List<MigrationProblem> problems = new ArrayList<>(this.formatProblems);
		for (int i = 0; i < this.entries.size(); i++) {
			Entry entry = this.entries.get(i);
			if (entry.version() != i + 1) {
				problems.add(new MigrationProblem(this.location + " line " + entry.line(), "lists version "
						+ entry.version() + " where version " + (i + 1) + " belongs: the released versions run 1, 2,"
						+ " 3, … in order, and the list is only ever appended to. Restore it from version control."));
			}
		}
		return problems;
	}

	/** The file names of the released migrations. */
	Set<String> releasedNames() {
		Set<String> names = new HashSet<>();
		this.entries.forEach((entry) -> names.add(entry.fileName()));
		return names;
	}

	private void parse(String line, int number) {
		if (line.isEmpty() || line.startsWith("#")) {
			return;
		}
		String[] fields = line.split("\\s+");
		MigrationFileName name = (fields.length == 3) ? MigrationFileName.of(fields[2]) : null;
		if (name == null || !fields[0].matches("[1-9][0-9]{0,8}") || !SHA256.matcher(fields[1]).matches()
				|| !name.isValid() || name.version() != Integer.parseInt(fields[0])) {
			this.formatProblems.add(new MigrationProblem(this.location + " line " + number,
					"\"" + line + "\" is not a release line: each line is <version> <sha256 of the file bytes>"
							+ " <V<version>__<snake_case>.sql>, as written by `db release`. Restore the file from"
							+ " version control."));
			return;
		}
		this.entries.add(new Entry(Integer.parseInt(fields[0]), fields[1], fields[2], number));
	}

	/** One released migration, from the given line of the manifest. */
	public record Entry(int version, String sha256, String fileName, int line) {

	}

}
