package id.otos.messaging.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Failed log-ins counted per account (the e-mail as typed, ignoring case, whether or not
 * such an account exists) and per client address: after {@code failures-per-account}
 * failures of one e-mail, or {@code failures-per-address} failures from one address,
 * within the window, further attempts are refused for the lock's duration without
 * checking any password. A successful log-in clears its account's failures, not its
 * address's (a guesser with an account of their own cannot reset their address's count).
 *
 * <p>
 * <b>The counts are kept in memory, per node</b>: the simplest design that holds the
 * limits on one node without a table or a migration. With N nodes behind a load balancer
 * a guesser gets up to N times the attempts, and a node that restarts forgets its counts.
 * The memory is bounded: each count forgets itself when its window and lock are over, a
 * node keeps at most {@code max-tracked} of each kind (over that, counts not locking
 * anything are dropped first, then new e-mails or addresses are not counted until room is
 * made), and an e-mail is cut to 254 characters.
 *
 * <p>
 * Anyone can lock an account for the lock's duration by failing for it: the lock is short
 * so that this costs its owner little, and the address limit slows such a caller down.
 */
@Component
class LoginThrottle {

	/** The longest e-mail address there is; longer input is cut to this length. */
	private static final int LONGEST_KEY = 254;

	private final LoginProperties properties;

	private final Clock clock;

	private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

	private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long until the e-mail may be tried from the address, when either is locked now.
	 * @param email the e-mail as typed
	 * @param address the client's address
	 * @return how long to wait, or empty when the attempt may go ahead
	 */
	Optional<Duration> refusal(String email, String address) {
		Instant now = this.clock.instant();
		Instant until = later(lockedUntil(this.accounts, accountKey(email), now),
				lockedUntil(this.addresses, addressKey(address), now));
		return Optional.ofNullable(until).map((end) -> Duration.between(now, end));
	}

	/** The e-mail's and the address's password was wrong (or the account unusable). */
	void failed(String email, String address) {
		Instant now = this.clock.instant();
		count(this.accounts, accountKey(email), this.properties.failuresPerAccount(), now);
		count(this.addresses, addressKey(address), this.properties.failuresPerAddress(), now);
	}

	/** Someone logged in with the e-mail: its failures are forgotten. */
	void succeeded(String email) {
		this.accounts.remove(accountKey(email));
	}

	/** How many e-mails and addresses this node keeps count of (for tests). */
	int tracked() {
		return this.accounts.size() + this.addresses.size();
	}

	private void count(Map<String, Failures> counts, String key, int limit, Instant now) {
		if (!counts.containsKey(key) && !makeRoom(counts, now)) {
			return;
		}
		counts.compute(key,
				(k, known) -> ((known == null || known.isOver(now)) ? Failures.first(now, this.properties) : known)
					.next(limit, now, this.properties));
	}

	private synchronized boolean makeRoom(Map<String, Failures> counts, Instant now) {
		if (counts.size() < this.properties.maxTracked()) {
			return true;
		}
		counts.values().removeIf((failures) -> failures.isOver(now));
		if (counts.size() >= this.properties.maxTracked()) {
			counts.values().removeIf((failures) -> !failures.isLocked(now));
		}
		return counts.size() < this.properties.maxTracked();
	}

	private static Instant lockedUntil(Map<String, Failures> counts, String key, Instant now) {
		Failures failures = counts.get(key);
		if (failures == null) {
			return null;
		}
		if (failures.isOver(now)) {
			counts.remove(key, failures);
			return null;
		}
		return failures.isLocked(now) ? failures.lockedUntil() : null;
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	private static String accountKey(String email) {
		String key = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
		return (key.length() > LONGEST_KEY) ? key.substring(0, LONGEST_KEY) : key;
	}

	private static String addressKey(String address) {
		return (address != null) ? address : "";
	}

	/**
	 * The failures of one e-mail or address in a window that ends at {@code windowEnd},
	 * and the end of the lock they caused, if any.
	 */
	private record Failures(int count, Instant windowEnd, Instant lockedUntil) {

		static Failures first(Instant now, LoginProperties properties) {
			return new Failures(0, now.plus(properties.window()), null);
		}

		Failures next(int limit, Instant now, LoginProperties properties) {
			int failures = this.count + 1;
			Instant lock = (failures >= limit) ? now.plus(properties.lock()) : this.lockedUntil;
			return new Failures(failures, this.windowEnd, lock);
		}

		boolean isLocked(Instant now) {
			return this.lockedUntil != null && now.isBefore(this.lockedUntil);
		}

		/** Neither counting nor locking any more: the next failure starts afresh. */
		boolean isOver(Instant now) {
			if (this.lockedUntil != null) {
				return !now.isBefore(this.lockedUntil);
			}
			return !now.isBefore(this.windowEnd);
		}

	}

}
