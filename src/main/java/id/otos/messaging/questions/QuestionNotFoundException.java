package id.otos.messaging.questions;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such question, a malformed id, one the person may not see, or no questions at all
 * (standalone): all look the same from outside, like a thread one may not open.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class QuestionNotFoundException extends RuntimeException {

	public QuestionNotFoundException() {
		super("No question for this user");
	}

}
