package id.otos.messaging.web;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTransactionsTests {

	private final AtomicInteger transactions = new AtomicInteger();

	private final QuietSessionRepository.Transactions sessions = new QuietSessionRepository.Transactions(
			new TransactionOperations() {

				@Override
				public <T> T execute(TransactionCallback<T> action) {
					SessionTransactionsTests.this.transactions.incrementAndGet();
					return action.doInTransaction(null);
				}

			});

	@Test
	void readingASessionNeedsNoTransaction() {
		String read = QuietSessionRepository.Transactions.reading(() -> this.sessions.execute((status) -> "session"));

		assertThat(read).isEqualTo("session");
		assertThat(this.transactions).hasValue(0);
	}

	@Test
	void writingOneHasItsTransaction() {
		this.sessions.executeWithoutResult((status) -> {
		});
		QuietSessionRepository.Transactions.reading(() -> "read");
		this.sessions.executeWithoutResult((status) -> {
		});

		assertThat(this.transactions).hasValue(2);
	}

}
