package id.otos.messaging.adoption;

import java.util.Locale;

import id.otos.messaging.support.OtosFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite (its name matches no test pattern): times {@code db adopt} on a
 * generated school in the Django shape at {@code -Dadoption.scale} (default 1: 2,000
 * students, 20,000 threads, 200,000 messages) on the embedded PostgreSQL. Run it alone
 * with {@code mvn -q test -P '!install-squawk' -Dtest=AdoptionTiming -Dadoption.scale=1}.
 */
class AdoptionTiming {

	@Test
	void adoptsASchool() {
		double scale = Double.parseDouble(System.getProperty("adoption.scale", "1"));
		long generating = System.nanoTime();
		String database = DjangoSchool.create(scale);
		double generated = (System.nanoTime() - generating) / 1e9;
		long started = System.nanoTime();

		AdoptionTests.Result adoption = AdoptionTests.adopt(database, "--media=" + OtosFixture.media());

		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.println(adoption.output());
		System.out.printf(Locale.ROOT, "db adopt at scale %s took %.1f s (the school was generated in %.1f s)%n", scale,
				seconds, generated);
		assertThat(adoption.exitCode()).isZero();
	}

}
