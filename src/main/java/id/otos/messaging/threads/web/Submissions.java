package id.otos.messaging.threads.web;

import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A form that may arrive twice at once (a double click, a retry by a bad network): its
 * work is keyed by the form's submission key, so the second of two racing submissions
 * hits the key's unique constraint. Run again, the work then finds what the first made
 * and returns that, so both answers say the same and nothing is made twice.
 */
final class Submissions {

	private Submissions() {
	}

	/**
	 * Runs the work, and once more if a racing identical submission won.
	 * @param <T> what the work returns
	 * @param work the submission's work, which finds what an earlier identical one made
	 * @return what the work returned
	 */
	static <T> T once(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (DataIntegrityViolationException ex) {
			return work.get();
		}
	}

}
