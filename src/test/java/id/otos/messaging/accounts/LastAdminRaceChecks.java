package id.otos.messaging.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admins who deactivate each other at the same moment must not leave the platform
 * without an active admin. Runs with committed transactions on a database of its own (the
 * property makes a separate application context); run on H2 and on PostgreSQL by the
 * subclasses.
 */
@SpringBootTest(properties = "otos.test.context=last-admin-race")
@ActiveProfiles("test")
abstract class LastAdminRaceChecks {

	private static final Duration HEAD_START = Duration.ofSeconds(1);

	@Autowired
	Accounts accounts;

	@Autowired
	TransactionTemplate transaction;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void twoAdminsDeactivatingEachOtherAtOnceLeaveOneActiveAdmin() throws Exception {
		long first = admin("pertama");
		long second = admin("kedua");
		demoteEveryOtherAdmin(first, second);
		CountDownLatch firstHasCounted = new CountDownLatch(1);
		CountDownLatch firstMayCommit = new CountDownLatch(1);

		Future<Optional<AccountException>> firstDeactivatesSecond = this.threads
			.submit(() -> refusal(() -> this.transaction.executeWithoutResult((status) -> {
				this.accounts.deactivate(second, first);
				firstHasCounted.countDown();
				await(firstMayCommit);
			})));
		assertThat(firstHasCounted.await(30, TimeUnit.SECONDS)).isTrue();
		Future<Optional<AccountException>> secondDeactivatesFirst = this.threads
			.submit(() -> refusal(() -> this.accounts.deactivate(first, second)));
		Thread.sleep(HEAD_START.toMillis());
		firstMayCommit.countDown();

		assertThat(firstDeactivatesSecond.get(30, TimeUnit.SECONDS)).isEmpty();
		assertThat(secondDeactivatesFirst.get(30, TimeUnit.SECONDS))
			.hasValueSatisfying((refusal) -> assertThat(refusal.messageKey()).isEqualTo("account.error.last-admin"));
		assertThat(this.accounts.currentUser(first).orElseThrow().isEnabled()).isTrue();
		assertThat(this.accounts.withRole(RoleName.ADMIN)).filteredOn(UserSummary::active)
			.extracting(UserSummary::id)
			.containsExactly(first);
	}

	private long admin(String name) {
		return this.accounts.register(
				new NewAccount(name + "@otos.test", name, "Admin", name, null, RoleName.ADMIN, "sandi-admin-123"));
	}

	private void demoteEveryOtherAdmin(long first, long second) {
		for (UserSummary admin : this.accounts.withRole(RoleName.ADMIN)) {
			if (admin.id() != first && admin.id() != second) {
				AccountDetails details = this.accounts.details(admin.id()).orElseThrow();
				this.accounts.update(admin.id(), new AccountChanges(details.email(), details.username(),
						details.firstName(), details.lastName(), null, RoleName.OPERATOR, null), first);
			}
		}
	}

	private static Optional<AccountException> refusal(Runnable action) {
		try {
			action.run();
			return Optional.empty();
		}
		catch (AccountException refusal) {
			return Optional.of(refusal);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The test never let the first transaction commit");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
