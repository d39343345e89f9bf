package id.otos.messaging.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.UserSummary;
import id.otos.messaging.notifications.DigestComposer.Digest;
import id.otos.messaging.notifications.DigestStates.State;
import id.otos.messaging.threads.Inbox;
import id.otos.messaging.threads.StatusChange;
import id.otos.messaging.threads.UnreadThread;
import id.otos.messaging.threads.Viewers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans the e-mail digests. A person gets one when something they have not been told
 * about has waited longer than the digest delay (a message still unread, or, on their own
 * threads as a student, a resolve, close or reopen by someone else), and their last
 * digest is older than the delay. The digest lists every thread with unread messages,
 * counted exactly as the unread badge counts them ({@link Inbox#unreadThreads}).
 *
 * <p>
 * Each person is planned in a transaction of their own. Only when something is due does
 * it lock their row of {@code otos_digest_state}, re-read it, decide again, write the
 * digest to the outbox and move the row past what the digest covered, all or nothing: a
 * crash neither loses nor doubles a digest, and two app nodes planning at once write one.
 */
@Component
class Digests {

	private static final Logger logger = LoggerFactory.getLogger(Digests.class);

	private static final List<RoleName> RECIPIENTS = List.of(RoleName.STUDENT, RoleName.TEACHER, RoleName.OPERATOR,
			RoleName.ADMIN);

	private final Accounts accounts;

	private final Viewers viewers;

	private final Inbox inbox;

	private final NotificationSettings settings;

	private final DigestComposer composer;

	private final MailOutbox outbox;

	private final DigestStates states;

	private final TransactionTemplate transactions;

	private final NotificationProperties properties;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Clock clock;

	Digests(Accounts accounts, Viewers viewers, Inbox inbox, NotificationSettings settings, DigestComposer composer,
			MailOutbox outbox, DigestStates states, TransactionTemplate transactions, NotificationProperties properties,
			ObjectProvider<JavaMailSender> mailSender, Clock clock) {
		this.accounts = accounts;
		this.viewers = viewers;
		this.inbox = inbox;
		this.settings = settings;
		this.composer = composer;
		this.outbox = outbox;
		this.states = states;
		this.transactions = transactions;
		this.properties = properties;
		this.mailSender = mailSender;
		this.clock = clock;
	}

	/** Plans on a schedule where e-mail is on and a mail server is configured. */
	@Scheduled(fixedDelayString = "${otos.notifications.plan-interval:60s}", initialDelayString = "60s")
	void planOnSchedule() {
		if (this.properties.enabled() && this.mailSender.getIfAvailable() != null) {
			plan(this.clock.instant());
		}
	}

	/**
	 * Writes the digests due at {@code now} to the outbox.
	 * @param now the time
	 * @return how many digests were written
	 */
	int plan(Instant now) {
		int written = 0;
		for (RoleName role : RECIPIENTS) {
			List<Long> ids = this.accounts.activeIdsWithRole(role);
			for (UserSummary user : this.accounts.findAll(ids)) {
				if (user.active() && user.email() != null && !user.email().isBlank() && planOne(user, role, now)) {
					written++;
				}
			}
		}
		return written;
	}

	/**
	 * One person in a transaction of their own; a failure is theirs alone, tried again
	 * next run.
	 */
	private boolean planOne(UserSummary user, RoleName role, Instant now) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute((status) -> planFor(user, role, now)));
		}
		catch (DataAccessException | TransactionException ex) {
			logger.warn("Digest for user {} not planned this time: {}", user.id(), ex.getMessage());
			return false;
		}
	}

	/**
	 * Looks first without a lock (most people, most minutes, have nothing due and cost no
	 * write), then, for someone due, locks their state row and decides again on what it
	 * holds now.
	 */
	private boolean planFor(UserSummary user, RoleName role, Instant now) {
		DigestChoice choice = this.settings.choiceOf(user.id());
		if (!choice.emailDigest() || news(user, role, this.states.read(user.id()), now).isEmpty()) {
			return false;
		}
		Optional<State> locked = this.states.lock(user.id());
		Optional<News> news = locked.flatMap((state) -> news(user, role, state, now));
		if (news.isEmpty()) {
			return false;
		}
		State state = locked.get();
		List<UnreadThread> threads = news.get().threads();
		List<StatusChange> changes = news.get().changes();
		Digest digest = this.composer.compose(user.displayName(), choice.locale(), threads, changes);
		this.outbox.add(user.id(), user.email(), choice.locale(), digest.subject(), digest.body(), now);
		long lastMessage = threads.stream().mapToLong(UnreadThread::newestMessageId).max().orElse(0);
		long lastAudit = changes.stream().mapToLong(StatusChange::auditId).max().orElse(0);
		this.states.told(user.id(), Math.max(lastMessage, state.lastMessageId()),
				Math.max(lastAudit, state.lastAuditId()), now);
		return true;
	}

	/** What a digest planned now would tell, if one is due. */
	private Optional<News> news(UserSummary user, RoleName role, State state, Instant now) {
		Instant windowStart = now.minus(this.properties.digestDelay());
		if (state.lastDigestAt() != null && state.lastDigestAt().isAfter(windowStart)) {
			return Optional.empty();
		}
		Instant backlogStart = now.minus(this.properties.backlog());
		List<UnreadThread> threads = this.inbox.unreadThreads(this.viewers.of(user.id(), role), state.lastMessageId(),
				backlogStart);
		List<StatusChange> changes = (role != RoleName.STUDENT) ? List.of()
				: this.inbox.statusChangesOfStudent(user.id(), state.lastAuditId())
					.stream()
					.filter((change) -> change.at().isAfter(backlogStart))
					.toList();
		return due(threads, changes, windowStart) ? Optional.of(new News(threads, changes)) : Optional.empty();
	}

	/**
	 * Due when the oldest news (a message not yet told about, or a status change) has
	 * waited for the whole delay.
	 */
	private static boolean due(List<UnreadThread> threads, List<StatusChange> changes, Instant windowStart) {
		boolean waitingMessage = threads.stream()
			.map(UnreadThread::oldestNewAt)
			.filter(Objects::nonNull)
			.anyMatch((at) -> !at.isAfter(windowStart));
		boolean waitingChange = changes.stream().anyMatch((change) -> !change.at().isAfter(windowStart));
		return waitingMessage || waitingChange;
	}

	/** What a digest would list. */
	private record News(List<UnreadThread> threads, List<StatusChange> changes) {

	}

}
