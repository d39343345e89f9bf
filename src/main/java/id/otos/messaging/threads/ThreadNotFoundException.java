package id.otos.messaging.threads;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such thread, or one the person may not open: the two look the same from outside.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ThreadNotFoundException extends RuntimeException {

	public ThreadNotFoundException(long threadId) {
		super("No thread " + threadId + " for this user");
	}

}
