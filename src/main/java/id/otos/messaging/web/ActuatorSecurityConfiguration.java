package id.otos.messaging.web;

import id.otos.messaging.accounts.LoginThrottle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The operations endpoints under {@code /actuator}: health answers everyone with its
 * status (details only for admins, {@code management.endpoint.health.show-details});
 * everything else (the Prometheus metrics) is for a logged-in admin or, when
 * {@code otos.metrics.password} is set, for the scrape account {@code prometheus} by HTTP
 * Basic, whose password checks count in the {@link LoginThrottle} like any other. A
 * refused request gets 401, never the log-in page, and no session.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

	static final String SCRAPE_USER = "prometheus";

	@Bean
	@Order(2)
	SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http,
			@Value("${otos.metrics.password:}") String scrapePassword, LoginThrottle throttle) throws Exception {
		http.securityMatcher("/actuator/**");
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.anyRequest()
			.hasAnyRole("ADMIN", "METRICS"));
		if (!scrapePassword.isBlank()) {
			http.authenticationManager(new ThrottledAuthenticationManager(scrapeAccount(scrapePassword), throttle));
			http.httpBasic(
					(basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		}
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		http.csrf((csrf) -> csrf.disable());
		http.requestCache((cache) -> cache.disable());
		return http.build();
	}

	private static AuthenticationManager scrapeAccount(String password) {
		UserDetailsService users = new InMemoryUserDetailsManager(
				User.withUsername(SCRAPE_USER).password("{noop}" + password).roles("METRICS").build());
		return new ProviderManager(new DaoAuthenticationProvider(users));
	}

}
