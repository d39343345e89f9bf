package id.otos.messaging.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Puts the {@link LoginThrottleFilter} in front of the form log-in of every filter chain
 * (only the pages' chain has one; in the others it lets everything through).
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

	@Bean
	Customizer<HttpSecurity> loginThrottling(LoginThrottle throttle) {
		return (http) -> http.addFilterBefore(new LoginThrottleFilter(throttle),
				UsernamePasswordAuthenticationFilter.class);
	}

}
