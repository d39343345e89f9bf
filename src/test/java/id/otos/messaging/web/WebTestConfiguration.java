package id.otos.messaging.web;

import id.otos.messaging.accounts.AccountHome;
import id.otos.messaging.accounts.DjangoProperties;
import id.otos.messaging.accounts.DjangoSessions;
import org.mockito.Mockito;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice needs besides its controller to behave like the
 * application: the security rules (log-in, CSRF, admin pages, the security headers, the
 * account check on every request), the language settings and how times are shown. The
 * slice must provide a mock {@code Accounts}. Standalone, as by default: accounts are
 * managed here and Django's sessions are not the log-in.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, SecurityHeadersConfiguration.class, LocaleConfiguration.class, Times.class })
@EnableConfigurationProperties(DjangoProperties.class)
public class WebTestConfiguration {

	/**
	 * Standalone: Django's sessions are not the log-in (a mock answers that they are
	 * not).
	 */
	@Bean
	DjangoSessions djangoSessions() {
		return Mockito.mock(DjangoSessions.class);
	}

	/**
	 * Standalone: the accounts are managed here (a mock answers that they are not
	 * otos's).
	 */
	@Bean
	AccountHome accountHome() {
		return Mockito.mock(AccountHome.class);
	}

}
