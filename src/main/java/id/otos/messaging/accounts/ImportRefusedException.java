package id.otos.messaging.accounts;

import java.util.List;

/**
 * An import was refused when it was confirmed (the database changed since its preview),
 * and nothing was written: the problems of each line, in the order of the lines.
 */
public class ImportRefusedException extends RuntimeException {

	private final transient List<List<ImportProblem>> problems;

	ImportRefusedException(List<List<ImportProblem>> problems) {
		super("An import was refused");
		this.problems = List.copyOf(problems);
	}

	public List<List<ImportProblem>> problems() {
		return this.problems;
	}

}
