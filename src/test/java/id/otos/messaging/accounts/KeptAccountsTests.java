package id.otos.messaging.accounts;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is kept per account is bounded: with more people than the limit, no more than the
 * limit of values or change stamps is kept, the evictions are in the metrics, and a
 * change whose stamp was dropped to make room is still never hidden by a kept value.
 */
class KeptAccountsTests {

	private static final int LIMIT = 100;

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final KeptAccounts kept = new KeptAccounts(LIMIT, this.meters);

	@Test
	void moreValuesThanTheLimitKeepNoMoreThanTheLimit() {
		AtomicInteger reads = new AtomicInteger();
		KeptPerAccount<String> names = this.kept.keep("names", (id) -> {
			reads.incrementAndGet();
			return "person " + id;
		});

		for (long id = 1; id <= 10 * LIMIT; id++) {
			assertThat(names.get(id)).isEqualTo("person " + id);
		}
		assertThat(names.get(10 * LIMIT)).isEqualTo("person " + 10 * LIMIT);

		assertThat(names.size()).isLessThanOrEqualTo(LIMIT);
		assertThat(reads).hasValue(10 * LIMIT);
		assertThat(this.meters.get("cache.evictions").tag("cache", "otos.accounts.names").functionCounter().count())
			.isGreaterThanOrEqualTo(9 * LIMIT);
		assertThat(this.meters.get("cache.gets")
			.tag("cache", "otos.accounts.names")
			.tag("result", "hit")
			.functionCounter()
			.count()).isEqualTo(1);
	}

	@Test
	void moreChangedPeopleThanTheLimitKeepNoMoreStampsAndHideNoChange() {
		AtomicReference<String> stored = new AtomicReference<>("before");
		KeptPerAccount<String> values = this.kept.keep("values", (id) -> stored.get());
		assertThat(values.get(1)).isEqualTo("before");

		stored.set("after");
		this.kept.forget(1);
		for (long id = 2; id <= 10 * LIMIT; id++) {
			this.kept.forget(id);
		}

		assertThat(this.kept.stampsKept()).isLessThanOrEqualTo(LIMIT);
		assertThat(values.get(1)).as("the value after a change whose stamp was dropped").isEqualTo("after");
	}

}
