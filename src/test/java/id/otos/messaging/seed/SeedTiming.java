package id.otos.messaging.seed;

import java.util.Locale;

import id.otos.messaging.MessagingApplication;
import id.otos.messaging.support.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite (its name matches no test pattern): times {@code db seed} on the
 * embedded PostgreSQL at {@code -Dseed.scale} (default 1). Run it alone with
 * {@code mvn -q -B test -Dtest=SeedTiming -Dseed.scale=1}.
 */
class SeedTiming {

	@Test
	void seedsTheBenchmarkSchool() {
		String database = TestDatabases.newPostgresDatabase("seed_timing");
		String scale = System.getProperty("seed.scale", "1");
		long started = System.nanoTime();

		int exitCode = SeedCommand.run(MessagingApplication.class,
				new String[] { "db", "seed", "--scale=" + scale,
						"--spring.datasource.url=" + TestDatabases.postgresUrl(database),
						"--spring.datasource.username=postgres", "--spring.datasource.password=postgres" });

		System.out.printf(Locale.ROOT, "db seed --scale=%s took %.1f s (with the migration)%n", scale,
				(System.nanoTime() - started) / 1e9);
		assertThat(exitCode).isZero();
	}

}
