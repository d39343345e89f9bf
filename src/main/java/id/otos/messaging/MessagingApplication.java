package id.otos.messaging;

import java.time.Clock;

import id.otos.messaging.adoption.AdoptCommand;
import id.otos.messaging.schema.DbCommand;
import id.otos.messaging.seed.ColdCountsCommand;
import id.otos.messaging.seed.SeedCommand;
import id.otos.messaging.seed.SessionsCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * otos-messaging: the help desk between the tryout platform's students and their
 * teachers, operators and admins.
 *
 * <p>
 * {@code db status|validate|migrate|release} as the first arguments run the schema
 * command instead of the web application, {@code db seed} the benchmark data generator
 * {@code db cold-counts} its measure of uncached unread counts and {@code db sessions}
 * the log-ins of its live-updates load (their own module: the schema command knows
 * nothing of them), and {@code db adopt} the adoption.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MessagingApplication {

	public static void main(String[] args) {
		if (SeedCommand.isRequested(args)) {
			System.exit(SeedCommand.run(MessagingApplication.class, args));
		}
		if (ColdCountsCommand.isRequested(args)) {
			System.exit(ColdCountsCommand.run(MessagingApplication.class, args));
		}
		if (SessionsCommand.isRequested(args)) {
			System.exit(SessionsCommand.run(MessagingApplication.class, args));
		}
		if (AdoptCommand.isRequested(args)) {
			System.exit(AdoptCommand.run(MessagingApplication.class, args));
		}
		if (DbCommand.isRequested(args)) {
			System.exit(DbCommand.run(MessagingApplication.class, args));
		}
		SpringApplication.run(MessagingApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
