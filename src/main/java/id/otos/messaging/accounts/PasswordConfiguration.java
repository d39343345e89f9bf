package id.otos.messaging.accounts;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Standalone: BCrypt for every new hash, behind a delegating encoder (hashes carry their
 * format as a {@code {id}} prefix, and a hash without one is read as the original Django
 * format). Beside Django ({@link DjangoProperties}): Django's own format, read and
 * written, so that Django can always check a password set here.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean(name = "passwordEncoder")
	PasswordEncoder passwords(DjangoProperties django) {
		return django.enabled() ? besideDjango() : passwordEncoder();
	}

	/** Standalone: BCrypt written, Django's hashes read and replaced at log-in. */
	PasswordEncoder passwordEncoder() {
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder()));
		encoder.setDefaultPasswordEncoderForMatches(new DjangoPasswordEncoder());
		return encoder;
	}

	/** Beside Django: only Django's format, as Django 5.1 writes it. */
	static PasswordEncoder besideDjango() {
		return DjangoPasswordEncoder.writing(DjangoPasswordEncoder.DJANGO_ITERATIONS);
	}

}
