package id.otos.messaging.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.Expiry;

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
 * The memory is bounded, by a cache of each kind (Caffeine): each count is forgotten when
 * its window and lock are over; of the counts that lock nothing, a node keeps at most
 * {@code max-tracked} per kind (the least used go first when a new one comes); a count
 * that locks is never dropped to make room (a flood of new names must not free a guessed
 * account), and once as many locks as {@code max-tracked} are held, new e-mails or
 * addresses are not counted until some end. A {@link LoginName} is at most 254
 * characters.
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

	private final Cache<String, Failures> accounts;

	private final Cache<String, Failures> addresses;

	LoginThrottle(LoginProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.accounts = counts();
		this.addresses = counts();
	}

	/**
	 * Counts that expire when they are over, on the throttle's clock; a count weighs
	 * nothing while it locks, so only counts that lock nothing are dropped for room.
	 */
	private Cache<String, Failures> counts() {
		return Caffeine.newBuilder()
			.ticker(ticker(this.clock))
			.expireAfter(Expiry.writing((String key, Failures failures) -> {
				Duration left = Duration.between(this.clock.instant(), failures.end());
				return left.isNegative() ? Duration.ZERO : left;
			}))
			.maximumWeight(this.properties.maxTracked())
			.weigher((String key, Failures failures) -> (failures.lockedUntil() != null) ? 0 : 1)
			.executor(Runnable::run)
			.build();
	}

	/**
	 * The clock as a cache's ticker, so that counts expire on the throttle's clock (a
	 * test moves it).
	 */
	static Ticker ticker(Clock clock) {
		return () -> {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		};
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
		this.accounts.invalidate(account.value());
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
	long tracked() {
		this.accounts.cleanUp();
		this.addresses.cleanUp();
		return this.accounts.estimatedSize() + this.addresses.estimatedSize();
	}

	private void count(Cache<String, Failures> counts, String key, int limit, Instant now) {
		if (counts.getIfPresent(key) == null && counts.estimatedSize() >= 2L * this.properties.maxTracked()) {
			return;
		}
		counts.asMap()
			.compute(key,
					(k, known) -> ((known == null || known.isOver(now)) ? Failures.first(now, this.properties) : known)
						.next(limit, now, this.properties));
	}

	private static Instant lockedUntil(Cache<String, Failures> counts, String key, Instant now) {
		Failures failures = counts.getIfPresent(key);
		if (failures == null || failures.isOver(now)) {
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
			return !now.isBefore(end());
		}

		/** When this count stops counting and locking. */
		Instant end() {
			return (this.lockedUntil != null) ? this.lockedUntil : this.windowEnd;
		}

	}

}
