package id.otos.messaging.threads;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such broadcast, or one the person may not see: the two look the same from outside.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class BroadcastNotFoundException extends RuntimeException {

	public BroadcastNotFoundException(long broadcastId) {
		super("No broadcast " + broadcastId + " for this user");
	}

}
