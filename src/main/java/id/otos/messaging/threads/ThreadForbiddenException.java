package id.otos.messaging.threads;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The person may open the thread but not do this with it.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ThreadForbiddenException extends RuntimeException {

	public ThreadForbiddenException(Object action) {
		super("Not allowed: " + action);
	}

}
