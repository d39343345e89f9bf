package id.otos.messaging.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice needs besides its controller to behave like the
 * application: the security rules (log-in, CSRF, admin pages, the security headers, the
 * account check on every request), the language settings and how times are shown. The
 * slice must provide a mock {@code Accounts}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, SecurityHeadersConfiguration.class, LocaleConfiguration.class, Times.class })
public class WebTestConfiguration {

}
