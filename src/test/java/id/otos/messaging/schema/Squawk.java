package id.otos.messaging.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * squawk, the PostgreSQL migration linter (npm {@code squawk-cli}, pinned in
 * {@code package.json}), run on SQL files with our settings
 * ({@code src/test/resources/schema/squawk.toml}), plus our own rule: every
 * {@code squawk-ignore} comment has its reason in the comment line above it.
 */
final class Squawk {

	static final Path BINARY = Path.of("node_modules", ".bin", "squawk");

	static final Path CONFIG = Path.of("src", "test", "resources", "schema", "squawk.toml");

	private Squawk() {
	}

	/** What squawk and the reason rule find in the files; empty when they pass. */
	static List<String> problems(List<Path> files) {
		List<String> problems = new ArrayList<>(lint(locate(BINARY, System.getenv()), files));
		files.forEach((file) -> problems.addAll(ignoresWithoutReason(file)));
		return problems;
	}

	/** The squawk binary, or a failure that says how to install it; never a skip. */
	static Path locate(Path binary, Map<String, String> environment) {
		if (Files.isExecutable(binary)) {
			return binary;
		}
		if ("true".equalsIgnoreCase(environment.get("CI"))) {
			throw new AssertionError("squawk is not installed (" + binary + "): CI must install it before the build,"
					+ " with npm install --no-audit --no-fund in the project root.");
		}
		throw new AssertionError("squawk is not installed (" + binary + "), although the build installs it when it"
				+ " is missing (Maven profile install-squawk runs npm install). Run npm install --no-audit --no-fund"
				+ " in the project root, then the tests again.");
	}

	private static List<String> lint(Path binary, List<Path> files) {
		try {
			Path output = Files.createTempFile("squawk", ".json");
			try {
				List<String> command = new ArrayList<>(
						List.of(binary.toString(), "--config=" + CONFIG, "--reporter=json"));
				files.forEach((file) -> command.add(file.toString()));
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				if (!process.waitFor(2, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					throw new AssertionError("squawk did not finish within 2 minutes: " + command);
				}
				return findings(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), command);
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run squawk", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while squawk ran", ex);
		}
	}

	private static List<String> findings(int exitCode, String output, List<String> command) {
		List<String> findings = new ArrayList<>();
		try {
			for (JsonNode finding : JsonMapper.builder().build().readTree(output)) {
				findings.add(finding.path("file").asString() + ":" + (finding.path("line").asInt() + 1) + ": "
						+ finding.path("rule_name").asString() + ": " + finding.path("message").asString() + " "
						+ finding.path("help").asString());
			}
		}
		catch (JacksonException ex) {
			throw new AssertionError(
					"squawk (exit code " + exitCode + ") did not report as expected: " + command + "\n" + output, ex);
		}
		if ((exitCode == 0) != findings.isEmpty()) {
			throw new AssertionError("squawk exited with " + exitCode + " and reported " + findings.size()
					+ " findings: " + command + "\n" + output);
		}
		return findings;
	}

	/**
	 * {@code squawk-ignore} comments without a plain comment line (the reason) just
	 * above.
	 */
	static List<String> ignoresWithoutReason(Path file) {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			List<String> problems = new ArrayList<>();
			for (int i = 0; i < lines.size(); i++) {
				if (isIgnore(lines.get(i)) && (i == 0 || !isReason(lines.get(i - 1)))) {
					problems.add(file + ":" + (i + 1) + ": \"" + lines.get(i).strip() + "\" gives no reason. Say in a"
							+ " comment line just above it why the rule does not apply here.");
				}
			}
			return problems;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isIgnore(String line) {
		return line.strip().matches("--\\s*squawk-ignore(-file)?\\b.*");
	}

	private static boolean isReason(String line) {
		String text = line.strip();
		return text.startsWith("--") && !isIgnore(line) && text.substring(2).strip().length() > 0;
	}

}
