package id.otos.messaging.accounts;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Reset requests counted per e-mail address (its {@link LoginName}, whether or not such
 * an account exists) and per client address (as {@link LoginThrottle#addressKey} reads
 * it), in a window that starts with the first request: beyond {@code per-address}
 * requests for one e-mail, no further e-mail is sent to it in the window (the answer
 * stays the same, so that it tells nobody whether the address is known); beyond
 * {@code per-client} requests from one client, the client is told to wait.
 *
 * <p>
 * Like {@link LoginThrottle}, the counts are kept in memory, per node, in bounded caches
 * (Caffeine): each count is forgotten when its window ends, and a node keeps at most
 * {@code max-tracked} of each kind (the least used go first). With N nodes a client gets
 * up to N times the requests; one e-mail address still gets at most N times
 * {@code per-address} e-mails per window, and each replaces the last link.
 */
@Component
public class PasswordResetThrottle {

	private final PasswordResetProperties properties;

	private final Cache<String, AtomicInteger> addresses;

	private final Cache<String, AtomicInteger> clients;

	PasswordResetThrottle(PasswordResetProperties properties, Clock clock) {
		this.properties = properties;
		this.addresses = counts(properties, clock);
		this.clients = counts(properties, clock);
	}

	private static Cache<String, AtomicInteger> counts(PasswordResetProperties properties, Clock clock) {
		return Caffeine.newBuilder()
			.ticker(LoginThrottle.ticker(clock))
			.expireAfterWrite(properties.window())
			.maximumSize(properties.maxTracked())
			.executor(Runnable::run)
			.build();
	}

	/**
	 * Counts a request from the client, and says whether it may go ahead.
	 * @param client the client's address
	 * @return {@code false} when the client made too many requests in the window
	 */
	boolean clientMayAsk(String client) {
		return count(this.clients, LoginThrottle.addressKey(client)) <= this.properties.perClient();
	}

	/**
	 * Counts a request for the e-mail address, and says whether a link may be sent to it.
	 * @param email the address asked for
	 * @return {@code false} when too many links were asked for it in the window
	 */
	boolean addressMayReceive(LoginName email) {
		return count(this.addresses, email.value()) <= this.properties.perAddress();
	}

	/**
	 * One more request; the window is the first request's (a count is only ever
	 * incremented in place, never written again, so it expires when its window ends).
	 */
	private static int count(Cache<String, AtomicInteger> counts, String key) {
		return counts.get(key, (k) -> new AtomicInteger()).incrementAndGet();
	}

	/** How many e-mail addresses and clients this node keeps count of (for tests). */
	long tracked() {
		this.addresses.cleanUp();
		this.clients.cleanUp();
		return this.addresses.estimatedSize() + this.clients.estimatedSize();
	}

}
