package id.otos.messaging.threads;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No ready answer of that id that the person may use or change: someone else's personal
 * answer is "not found" like one that does not exist.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ReadyAnswerNotFoundException extends RuntimeException {

	public ReadyAnswerNotFoundException(long id) {
		super("No such ready answer: " + id);
	}

}
