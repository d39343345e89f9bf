package id.otos.messaging.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Failed password checks counted per account (its {@link LoginName}, whether or not such
 * an account exists) and per client address (an IPv4 address, or an IPv6 address's /64
 * network, which one client usually has whole): after {@code failures-per-account}
 * failures of one account, or {@code failures-per-address} failures from one address,
 * within the window, further attempts are refused for the lock's duration without
 * checking any password. Every place that checks a password reports to this one throttle:
 * the log-in form, the profile's password change (its current password) and the metrics
 * scrape account. A correct password clears its account's failures, not its address's (a
 * guesser with an account of their own cannot reset their address's count).
 *
 * <p>
 * <b>The counts are kept in memory, per node</b>: the simplest design that holds the
 * limits on one node without a table or a migration. With N nodes behind a load balancer
 * a guesser gets up to N times the attempts, and a node that restarts forgets its counts.
 * The memory is bounded: each count forgets itself when its window and lock are over, a
 * node keeps at most {@code max-tracked} of each kind (over that, counts not locking
 * anything are dropped first, then new e-mails or addresses are not counted until room is
 * made), and a {@link LoginName} is at most 254 characters.
 *
 * <p>
 * Anyone can lock an account for the lock's duration by failing for it: the lock is short
 * so that this costs its owner little, and the address limit slows such a caller down.
 */
@Component
public class LoginThrottle {

	/**
	 * What may be an IPv6 address: hexadecimal digits, colons and dots, starting with a
	 * digit or a colon and with a colon somewhere, which {@link InetAddress} reads as a
	 * literal (or refuses) without asking any name server.
	 */
	private static final Pattern IPV6 = Pattern.compile("(?=[^:]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

	private final LoginProperties properties;

	private final Clock clock;

	private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

	private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long until the account's password may be tried from the address, when either is
	 * locked now. Ask before checking the password, and check none when locked.
	 * @param account the account
	 * @param address the client's address
	 * @return how long to wait, or empty when the attempt may go ahead
	 */
	public Optional<Duration> refusal(LoginName account, String address) {
		Instant now = this.clock.instant();
		Instant until = later(lockedUntil(this.accounts, account.value(), now),
				lockedUntil(this.addresses, addressKey(address), now));
		return Optional.ofNullable(until).map((end) -> Duration.between(now, end));
	}

	/**
	 * A password for the account, from the address, was wrong (or the account is
	 * unusable).
	 * @param account the account
	 * @param address the client's address
	 */
	public void failed(LoginName account, String address) {
		Instant now = this.clock.instant();
		count(this.accounts, account.value(), this.properties.failuresPerAccount(), now);
		count(this.addresses, addressKey(address), this.properties.failuresPerAddress(), now);
	}

	/**
	 * The account's password was right: its failures are forgotten.
	 * @param account the account
	 */
	public void succeeded(LoginName account) {
		this.accounts.remove(account.value());
	}

	/**
	 * A wait in whole minutes as people read it.
	 * @param wait a refusal's wait
	 * @return the minutes, rounded up, at least 1
	 */
	public static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
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

	/**
	 * An IPv4 address as it is; an IPv6 address as its /64 network, of which a client
	 * usually has all 2<sup>64</sup> addresses to change between.
	 */
	static String addressKey(String address) {
		if (address == null) {
			return "";
		}
		String literal = (address.indexOf('%') >= 0) ? address.substring(0, address.indexOf('%')) : address;
		if (!IPV6.matcher(literal).matches()) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(literal).getAddress();
			return (bytes.length == 16) ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : address;
		}
		catch (UnknownHostException ex) {
			return address;
		}
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
