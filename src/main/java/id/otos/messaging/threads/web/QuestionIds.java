package id.otos.messaging.threads.web;

import java.util.regex.Pattern;

import id.otos.messaging.questions.QuestionNotFoundException;

/**
 * An otos question id as it arrives in a link or a form: digits only, a positive number
 * that fits. Anything else is "not found", like an id that names no question.
 */
final class QuestionIds {

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

	private QuestionIds() {
	}

	static long parse(String value) {
		if (value == null || !DIGITS.matcher(value).matches()) {
			throw new QuestionNotFoundException();
		}
		long id = Long.parseLong(value);
		if (id <= 0) {
			throw new QuestionNotFoundException();
		}
		return id;
	}

}
