package id.otos.messaging.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The JSON API shares the pages' session, but a request without one gets 401 with a JSON
 * body in the user's language, never a redirect to the log-in page.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, MessageSource messages, LocaleResolver locales,
			JsonMapper json) throws Exception {
		http.securityMatcher("/api/**");
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(new JsonUnauthorized(messages, locales, json)));
		return http.build();
	}

	private record JsonUnauthorized(MessageSource messages, LocaleResolver locales,
			JsonMapper json) implements AuthenticationEntryPoint {

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String message = this.messages.getMessage("api.error.unauthenticated", null,
					this.locales.resolveLocale(request));
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getWriter(), Map.of("error", "unauthenticated", "message", message));
		}

	}

}
