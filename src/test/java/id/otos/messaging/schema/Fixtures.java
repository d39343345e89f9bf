package id.otos.messaging.schema;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The fixture folders under {@code src/test/resources/schema}.
 */
final class Fixtures {

	private Fixtures() {
	}

	static Path path(String relative) {
		URL url = Fixtures.class.getResource("/schema/" + relative);
		if (url == null) {
			throw new IllegalArgumentException("No fixture schema/" + relative + " on the test classpath");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fixture migrations folder, checked alone (no manifest). */
	static MigrationFiles names(String folder) {
		return MigrationFiles.inDirectory(path("names/" + folder));
	}

	/** A fixture {@code migration/} folder with its {@code released-migrations.txt}. */
	static MigrationSource release(String folder) {
		Path root = path("release/" + folder);
		return MigrationSource.of(root.resolve("migration"), root.resolve("released-migrations.txt"));
	}

	/** The project's own migrations, as in the source tree. */
	static MigrationSource project() {
		return MigrationSource.inProject(Path.of(""));
	}

}
