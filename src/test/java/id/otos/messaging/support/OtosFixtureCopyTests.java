package id.otos.messaging.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests' copy of the otos fixture is the project's shared fixture, file for file,
 * when the shared one is there to compare ({@code ../shared/otos-django} beside the
 * project): a rebuilt fixture must be copied in again, not drift apart unnoticed.
 */
class OtosFixtureCopyTests {

	@Test
	void theCopyIsTheSharedFixture() throws IOException {
		Path shared = Path.of("").toAbsolutePath().resolveSibling("shared").resolve("otos-django");
		Assumptions.assumeTrue(Files.isDirectory(shared), "no shared fixture beside the project to compare with");
		Path copy = Path.of("src", "test", "resources", "otos-django");

		assertThat(files(copy)).isEqualTo(files(shared));
		for (Path file : files(shared)) {
			assertThat(Files.readAllBytes(copy.resolve(file))).as(file.toString())
				.isEqualTo(Files.readAllBytes(shared.resolve(file)));
		}
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
		}
	}

}
