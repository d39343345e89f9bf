package id.otos.messaging.web;

import id.otos.messaging.accounts.LoginThrottle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Every filter chain checks passwords through the {@link LoginThrottle}: the
 * application's authentication (accounts by e-mail and password) behind a
 * {@link ThrottledAuthenticationManager}. A chain with an authentication of its own (the
 * metrics scrape account) wraps it the same way.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

	@Bean
	Customizer<HttpSecurity> loginThrottling(AuthenticationConfiguration authentication, LoginThrottle throttle) {
		return (http) -> http.authenticationManager(throttled(authentication, throttle));
	}

	private static AuthenticationManager throttled(AuthenticationConfiguration authentication, LoginThrottle throttle) {
		try {
			return new ThrottledAuthenticationManager(authentication.getAuthenticationManager(), throttle);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The application's authentication could not be built", ex);
		}
	}

}
