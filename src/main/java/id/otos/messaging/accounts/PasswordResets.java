package id.otos.messaging.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A forgotten password, for schools whose accounts are managed here
 * ({@link AccountHome}): a person asks for a link by e-mail address, and sets a new
 * password through it.
 *
 * <p>
 * The request answers the same, in the same time, whether or not the address is known:
 * the caller only counts it ({@link PasswordResetThrottle}) and hands it to a small
 * worker of its own, which looks the address up and, for an active account, issues the
 * link ({@link PasswordTokens}) and publishes a {@link PasswordLinkIssued} whose listener
 * writes the e-mail to the outbox in the same transaction; the outbox is delivered later,
 * so nobody waits on the mail server. The worker's queue is bounded: when it is full (a
 * flood beyond what the throttle lets through), a request is dropped and logged.
 *
 * <p>
 * Spring Security's one-time-token log-in is not used: it logs a person in by a link
 * rather than letting them set a password, keeps the token itself (not a hash) and only
 * one kind of link, and knows nothing of an account's other links or password changes.
 */
@Service
public class PasswordResets implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(PasswordResets.class);

	/** How many looked-up requests may wait for the worker. */
	private static final int QUEUE = 100;

	/** The path of a link, before its token. */
	public static final String LINK_PATH = "/login/reset?token=";

	private final UserRepository users;

	private final PasswordTokens tokens;

	private final PasswordResetThrottle throttle;

	private final PasswordResetProperties properties;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final AccountHome home;

	private final Clock clock;

	private final boolean mailServer;

	private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(QUEUE), PasswordResets::workerThread, (task, pool) -> logger
				.warn("A password reset request was dropped: {} requests are waiting already", QUEUE));

	PasswordResets(UserRepository users, PasswordTokens tokens, PasswordResetThrottle throttle,
			PasswordResetProperties properties, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			TransactionTemplate transactions, AccountHome home, Clock clock,
			ObjectProvider<JavaMailSender> mailSender) {
		this.users = users;
		this.tokens = tokens;
		this.throttle = throttle;
		this.properties = properties;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.transactions = transactions;
		this.home = home;
		this.clock = clock;
		this.mailServer = mailSender.getIfAvailable() != null;
	}

	/**
	 * Whether people can reset their password here: when the accounts are managed here
	 * (not otos's, where otos does it) and a mail server is configured
	 * ({@code spring.mail.host}) to send the links.
	 */
	public boolean available() {
		return !this.home.isOtos() && this.mailServer;
	}

	/**
	 * A person asks for a link to set a new password. Whether the address is known or
	 * not, the answer is the same and nothing is waited for: the link, if any, is issued
	 * and e-mailed by the worker.
	 * @param typedEmail the e-mail address as typed
	 * @param client the client's address
	 * @param locale the language of the e-mail
	 * @throws AccountException when the client asked too often
	 */
	public void requestLink(String typedEmail, String client, Locale locale) {
		requireAvailable();
		if (!this.throttle.clientMayAsk(client)) {
			throw new AccountException(null, "password-reset.error.too-many");
		}
		LoginName email = LoginName.of(typedEmail);
		if (this.throttle.addressMayReceive(email)) {
			this.worker.execute(() -> sendLink(email, locale));
		}
	}

	/**
	 * Whether a link's token works now (to show its form, or say it does not).
	 * @param token the token, as the link carries it (anything)
	 */
	@Transactional(readOnly = true)
	public boolean works(String token) {
		return available() && this.tokens.holder(token, this.clock.instant())
			.flatMap(this.users::findById)
			.filter(User::isActive)
			.isPresent();
	}

	/**
	 * Sets a new password through a link, which then stops working, as do the person's
	 * other links; their sessions end at their next request (the password's fingerprint
	 * changed).
	 * @param token the token, as the link carries it (anything)
	 * @param newPassword the new password
	 * @throws AccountException when the link does not work (unknown, expired, used, an
	 * inactive account) or the password is not acceptable
	 */
	@Transactional
	public void reset(String token, String newPassword) {
		requireAvailable();
		Passwords.check(newPassword, "newPassword");
		Instant now = this.clock.instant();
		User user = this.tokens.use(token, now)
			.flatMap(this.users::findById)
			.filter(User::isActive)
			.orElseThrow(() -> new AccountException(null, "password-reset.error.link"));
		this.tokens.forget(user.getId());
		user.changePassword(this.passwordEncoder.encode(newPassword));
		this.events.publishEvent(new AccountChanged(user.getId()));
		logger.info("Password of user {} set through an e-mailed link", user.getId());
	}

	private void requireAvailable() {
		this.home.requireManagedHere();
		if (!this.mailServer) {
			throw new AccountException(null, "password-reset.error.no-mail");
		}
	}

	/**
	 * Issues a link to the active account with the address, if there is one, and
	 * publishes it to be e-mailed.
	 */
	private void sendLink(LoginName email, Locale locale) {
		try {
			this.transactions.executeWithoutResult((status) -> this.users.findByEmail(email.value())
				.filter(User::isActive)
				.ifPresent((user) -> issue(user, false, locale)));
		}
		catch (RuntimeException ex) {
			logger.warn("A password reset link could not be issued: {}", ex.toString());
		}
	}

	/** Issues a link to a person and publishes it; joins the caller's transaction. */
	void issue(User user, boolean invitation, Locale locale) {
		Instant now = this.clock.instant();
		PasswordTokens.Purpose purpose = invitation ? PasswordTokens.Purpose.INVITATION : PasswordTokens.Purpose.RESET;
		Duration validity = invitation ? this.properties.invitationValidity() : this.properties.resetValidity();
		String token = this.tokens.issue(user.getId(), purpose, validity, now);
		this.events.publishEvent(new PasswordLinkIssued(user.getId(), user.getEmail(), user.getDisplayName(), locale,
				invitation, LINK_PATH + token, validity));
		logger.info("{} link issued to user {}", invitation ? "Invitation" : "Password reset", user.getId());
	}

	/** Waits for the requests handed to the worker so far (for tests). */
	void awaitWorker() throws InterruptedException {
		Future<?> done = this.worker.submit(() -> {
		});
		try {
			done.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Thread workerThread(Runnable task) {
		Thread thread = new Thread(task, "password-links");
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
