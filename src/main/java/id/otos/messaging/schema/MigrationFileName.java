package id.otos.messaging.schema;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The name of a file in the migrations folder, read two ways: the way Flyway reads it
 * (which decides what runs) and against our stricter rule, {@code V<n>__<snake_case>.sql}
 * with {@code n} a positive whole number without leading zeros.
 */
public final class MigrationFileName {

	private static final Pattern VALID = Pattern.compile("V([1-9][0-9]*)__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");

	private static final Pattern INTENDED = Pattern.compile("[Vv]0*([0-9]+)(?:[._]0+)*[_.-]*(.*)");

	private final String value;

	private final MigrationVersion flywayVersion;

	private final String problem;

	private MigrationFileName(String value) {
		this.value = value;
		this.flywayVersion = readAsFlyway(value);
		this.problem = VALID.matcher(value).matches() ? null : explain(value);
	}

	public static MigrationFileName of(String value) {
		return new MigrationFileName(value);
	}

	public String value() {
		return this.value;
	}

	public boolean isValid() {
		return this.problem == null;
	}

	/** Why the name breaks the rule, if it does. */
	public Optional<String> problem() {
		return Optional.ofNullable(this.problem);
	}

	/**
	 * The version Flyway reads from this name, if Flyway takes the file for a versioned
	 * SQL migration at all ({@code V007__a.sql} and {@code V7.0__a.sql} read as version
	 * 7).
	 */
	public Optional<MigrationVersion> flywayVersion() {
		return Optional.ofNullable(this.flywayVersion);
	}

	/** The version of a valid name. */
	public int version() {
		return Integer.parseInt(validMatch().group(1));
	}

	/** The snake_case description of a valid name. */
	public String description() {
		return validMatch().group(2);
	}

	/**
	 * A name that follows the rule and keeps what this one meant, with the given version
	 * when this one has none that can be read.
	 */
	public Optional<String> suggestion(int fallbackVersion) {
		if (!this.value.toLowerCase(Locale.ROOT).endsWith(".sql")) {
			return Optional.empty();
		}
		String stem = this.value.substring(0, this.value.length() - ".sql".length());
		Matcher intended = INTENDED.matcher(stem);
		String version = intended.matches() ? intended.group(1) : String.valueOf(fallbackVersion);
		String description = snakeCase(intended.matches() ? intended.group(2) : stem);
		if (description.isEmpty() || "0".equals(version)) {
			return Optional.empty();
		}
		return Optional.of("V" + version + "__" + description + ".sql");
	}

	@Override
	public String toString() {
		return this.value;
	}

	private Matcher validMatch() {
		Matcher matcher = VALID.matcher(this.value);
		if (!matcher.matches()) {
			throw new IllegalStateException(this.value + " is not a valid migration name: " + this.problem);
		}
		return matcher;
	}

	/** 7, 007 and 7.0 are 7; 7.1 is not a whole number. */
	static Optional<Integer> wholeNumber(MigrationVersion version) {
		String[] parts = version.getVersion().split("\\.");
		for (int i = 1; i < parts.length; i++) {
			if (!parts[i].chars().allMatch((c) -> c == '0')) {
				return Optional.empty();
			}
		}
		BigInteger number = new BigInteger(parts[0]);
		return (number.signum() > 0 && number.bitLength() < 31) ? Optional.of(number.intValue()) : Optional.empty();
	}

	private static MigrationVersion readAsFlyway(String name) {
		String versionPart = versionPart(name);
		if (versionPart == null || versionPart.isEmpty()) {
			return null;
		}
		try {
			return MigrationVersion.fromVersion(versionPart.replace('_', '.'));
		}
		catch (FlywayException | NumberFormatException ex) {
			return null;
		}
	}

	/** What Flyway takes for the version: between the prefix V and the first "__". */
	private static String versionPart(String name) {
		if (!name.startsWith("V") || !name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
			return null;
		}
		int separator = name.indexOf("__", 1);
		return (separator < 0) ? null : name.substring(1, separator);
	}

	private static String explain(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (!lower.endsWith(".sql")) {
			return "not a migration: only V<n>__<snake_case>.sql files belong here, and Flyway ignores this one";
		}
		if (!name.endsWith(".sql")) {
			return "the extension must be .sql in lower case";
		}
		if (name.startsWith("v")) {
			return "the prefix must be a capital V: Flyway skips this file";
		}
		if (!name.startsWith("V")) {
			return "Flyway does not take this name for a versioned migration (V<n>__...) and skips it or runs it"
					+ " in a way we do not use";
		}
		String versionPart = versionPart(name);
		if (versionPart == null) {
			return "the version must be followed by two underscores: Flyway cannot read this name and skips it";
		}
		if (versionPart.isEmpty()) {
			return "the version is missing";
		}
		if (!versionPart.chars().allMatch(Character::isDigit)) {
			MigrationVersion version = readAsFlyway(name);
			if (version == null) {
				return "Flyway cannot read " + versionPart + " as a version";
			}
			return "the version must be a whole number: Flyway reads " + versionPart + " as " + wholeNumber(version)
				.map((whole) -> "version " + whole)
				.orElse("a version between " + version.getMajor() + " and " + version.getMajor().add(BigInteger.ONE));
		}
		if (versionPart.chars().allMatch((c) -> c == '0')) {
			return "versions start at 1";
		}
		if (versionPart.startsWith("0")) {
			return "the version must not have leading zeros: Flyway reads " + versionPart + " as "
					+ versionPart.replaceFirst("^0+", "");
		}
		return "the description must be snake_case: lower-case letters and digits joined by single underscores";
	}

	private static String snakeCase(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
	}

}
