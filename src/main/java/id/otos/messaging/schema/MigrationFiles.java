package id.otos.messaging.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one migrations folder (in the source tree, on the classpath, or a test
 * fixture), and the checks on their names and order: every file is
 * {@code V<n>__<snake_case>.sql}, and the versions, compared the way Flyway compares
 * them, run 1, 2, 3, … without duplicates or gaps.
 */
public final class MigrationFiles {

	private final String location;

	private final List<MigrationFile> files;

	private MigrationFiles(String location, List<MigrationFile> files) {
		this.location = location;
		this.files = files.stream().sorted(Comparator.comparing(MigrationFile::path)).toList();
	}

	public static MigrationFiles of(String location, List<MigrationFile> files) {
		return new MigrationFiles(location, files);
	}

	/** Every file under the directory, subfolders included (Flyway looks there too). */
	public static MigrationFiles inDirectory(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			List<MigrationFile> files = new ArrayList<>();
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				String relative = directory.relativize(path).toString().replace('\\', '/');
				files.add(new MigrationFile(relative, Files.readAllBytes(path)));
			}
			return new MigrationFiles(directory.toString().replace('\\', '/'), files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the migrations in " + directory, ex);
		}
	}

	/** Every resource under the classpath folder, e.g. {@code db/migration}. */
	public static MigrationFiles onClasspath(String folder, ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		try {
			List<MigrationFile> files = new ArrayList<>();
			for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*")) {
				String url = resource.getURL().toString();
				if (!url.endsWith("/") && resource.isReadable()) {
					String relative = url.substring(url.lastIndexOf("/" + folder + "/") + folder.length() + 2);
					try (var in = resource.getInputStream()) {
						files.add(new MigrationFile(relative, in.readAllBytes()));
					}
				}
			}
			return new MigrationFiles("classpath:" + folder, files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the migrations on the classpath in " + folder, ex);
		}
	}

	/** Where the files are, for messages. */
	public String location() {
		return this.location;
	}

	public List<MigrationFile> all() {
		return this.files;
	}

	public Optional<MigrationFile> named(String name) {
		return this.files.stream().filter((file) -> file.path().equals(name)).findFirst();
	}

	/** The files Flyway reads as the given version. */
	public List<MigrationFile> withVersion(MigrationVersion version) {
		return this.files.stream()
			.filter((file) -> file.fileName().flywayVersion().filter((v) -> v.compareTo(version) == 0).isPresent())
			.toList();
	}

	/** The highest whole version Flyway reads from these files; 0 when there is none. */
	public int highestVersion() {
		return byVersion().keySet()
			.stream()
			.map(MigrationFileName::wholeNumber)
			.flatMap(Optional::stream)
			.reduce(0, Math::max);
	}

	/**
	 * What is wrong with the names and the order of the files; empty when all is well.
	 */
	public List<MigrationProblem> problems() {
		List<MigrationProblem> problems = new ArrayList<>();
		this.files.forEach((file) -> nameProblem(file).ifPresent(problems::add));
		problems.addAll(duplicateVersions());
		problems.addAll(gaps());
		return problems;
	}

	private Optional<MigrationProblem> nameProblem(MigrationFile file) {
		if (file.isInSubfolder()) {
			return Optional.of(new MigrationProblem(file.path(), "migrations live directly in " + this.location
					+ ", not in subfolders (Flyway would still find and run this file). Move it up."));
		}
		MigrationFileName name = file.fileName();
		return name.problem().map((problem) -> new MigrationProblem(file.path(), problem + ". " + fix(name)));
	}

	private String fix(MigrationFileName name) {
		return name.suggestion(highestVersion() + 1)
			.map((suggestion) -> "Rename it to " + suggestion + " (migrations are named V<n>__<snake_case>.sql).")
			.orElse("Move it out of " + this.location + ".");
	}

	private List<MigrationProblem> duplicateVersions() {
		List<MigrationProblem> problems = new ArrayList<>();
		byVersion().forEach((version, sameVersion) -> {
			if (sameVersion.size() > 1) {
				String names = sameVersion.stream().map(MigrationFile::path).collect(Collectors.joining(" and "));
				problems.add(new MigrationProblem(names,
						"Flyway reads all of them as version "
								+ MigrationFileName.wholeNumber(version).map(String::valueOf).orElse(version.toString())
								+ " (it treats 7, 007 and 7.0 alike),"
								+ " and a version must be unique. Keep one and renumber the others from V"
								+ (highestVersion() + 1) + " on."));
			}
		});
		return problems;
	}

	private List<MigrationProblem> gaps() {
		List<MigrationProblem> problems = new ArrayList<>();
		Map<Integer, List<MigrationFile>> whole = new TreeMap<>();
		byVersion()
			.forEach((version, files) -> MigrationFileName.wholeNumber(version).ifPresent((n) -> whole.put(n, files)));
		int expected = 1;
		for (Map.Entry<Integer, List<MigrationFile>> entry : whole.entrySet()) {
			int version = entry.getKey();
			if (version > expected) {
				MigrationFile file = entry.getValue().get(0);
				String missing = (version == expected + 1) ? "version " + expected
						: "versions " + expected + " to " + (version - 1);
				String renamed = file.fileName().isValid()
						? "V" + expected + "__" + file.fileName().description() + ".sql"
						: "V" + expected + "__<snake_case>.sql";
				problems.add(new MigrationProblem(file.path(), "no migration has " + missing
						+ ", so there is a gap before this one (versions run 1, 2, 3, … without gaps). Rename it to "
						+ renamed + ", or restore the missing migration."));
			}
			expected = version + 1;
		}
		return problems;
	}

	private TreeMap<MigrationVersion, List<MigrationFile>> byVersion() {
		TreeMap<MigrationVersion, List<MigrationFile>> byVersion = new TreeMap<>();
		for (MigrationFile file : this.files) {
			file.fileName()
				.flywayVersion()
				.ifPresent((version) -> byVersion.computeIfAbsent(version, (v) -> new ArrayList<>()).add(file));
		}
		return byVersion;
	}

}
