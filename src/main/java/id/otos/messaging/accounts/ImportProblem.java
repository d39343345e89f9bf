package id.otos.messaging.accounts;

import java.util.List;

/**
 * Why a line of an import (or the whole file) is refused: a message key and its
 * arguments.
 *
 * @param key the message key
 * @param arguments its arguments
 */
public record ImportProblem(String key, List<Object> arguments) {

	public ImportProblem {
		arguments = List.copyOf(arguments);
	}

	public static ImportProblem of(String key, Object... arguments) {
		return new ImportProblem(key, List.of(arguments));
	}

	/** The arguments as a message source takes them. */
	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

}
