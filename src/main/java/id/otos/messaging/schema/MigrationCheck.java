package id.otos.messaging.schema;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * How one migration of the schema history compares with this build, as {@code db status}
 * shows it.
 */
public enum MigrationCheck {

	/** Applied, and the file is the one that was applied. */
	OK("ok"),

	/** Not applied yet; the application applies it on start, {@code db migrate} now. */
	PENDING("pending"),

	/** Applied, but the file now differs from what was applied. */
	CHANGED("CHANGED"),

	/** Applied, but this build has no such migration. */
	UNKNOWN("unknown to this build"),

	/** Recorded as failed. */
	FAILED("failed"),

	/** Not applied, while later migrations are: it cannot be applied any more. */
	SKIPPED("skipped"),

	/**
	 * Done by {@code db adopt} on an otos database: its baseline, and the migrations up
	 * to it, whose tables the adoption made.
	 */
	ADOPTED("by db adopt");

	private final String label;

	MigrationCheck(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the database and this build disagree about the migration. */
	public boolean isProblem() {
		return this != OK && this != PENDING && this != ADOPTED;
	}

	public static MigrationCheck of(MigrationInfo migration) {
		MigrationState state = migration.getState();
		if (state.isFailed()) {
			return FAILED;
		}
		if (state == MigrationState.BASELINE || state == MigrationState.BELOW_BASELINE
				|| state == MigrationState.BASELINE_IGNORED) {
			return ADOPTED;
		}
		if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.MISSING_SUCCESS) {
			return UNKNOWN;
		}
		if (state == MigrationState.PENDING || state == MigrationState.ABOVE_TARGET) {
			return PENDING;
		}
		if (state == MigrationState.IGNORED) {
			return SKIPPED;
		}
		if (state.isApplied() && state.isResolved() && (!migration.isChecksumMatching()
				|| !migration.isDescriptionMatching() || !migration.isTypeMatching())) {
			return CHANGED;
		}
		return OK;
	}

}
