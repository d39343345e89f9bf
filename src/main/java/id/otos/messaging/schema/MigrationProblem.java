package id.otos.messaging.schema;

/**
 * Something wrong with a migration: the file or migration it is about, and what is wrong
 * and what to do, in one sentence or two.
 */
public record MigrationProblem(String subject, String message) {

	@Override
	public String toString() {
		return this.subject + ": " + this.message;
	}

}
