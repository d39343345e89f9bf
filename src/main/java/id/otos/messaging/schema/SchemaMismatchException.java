package id.otos.messaging.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The database's schema history disagrees with this build; the message names each
 * migration and says what is wrong.
 */
public class SchemaMismatchException extends IllegalStateException {

	private final List<MigrationProblem> problems;

	public SchemaMismatchException(List<MigrationProblem> problems) {
		this("The database schema does not match this build of otos-messaging, so it will not be migrated or" + " used:"
				+ problems.stream().map((problem) -> "\n  - " + problem).collect(Collectors.joining())
				+ "\nSee `db status` for the whole history.", problems);
	}

	SchemaMismatchException(String message, List<MigrationProblem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public List<MigrationProblem> problems() {
		return this.problems;
	}

}
