package id.otos.messaging.threads.web;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads form values that arrive as text: a value that does not parse is absent, so a form
 * with a bad value is shown again with a message instead of failing.
 */
final class FormValues {

	private FormValues() {
	}

	static <T> Optional<T> parse(String value, Function<String, T> parser) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(parser.apply(value.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
