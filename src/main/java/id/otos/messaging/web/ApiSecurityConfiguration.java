package id.otos.messaging.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The JSON API and the live updates' event stream share the pages' session, but a request
 * without one gets 401 with a JSON body in the user's language, never a redirect to the
 * log-in page, and is not kept for after a log-in (which would start a session).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, MessageSource messages, LocaleResolver locales,
			JsonMapper json) throws Exception {
		http.securityMatcher("/api/**");
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		http.requestCache((cache) -> cache.disable());
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(new JsonUnauthorized(messages, locales, json)));
		return http.build();
	}

	/**
	 * The live updates' event stream, for logged-in people only; without a session it
	 * answers 401 (the browser's EventSource gives up and the page retries later) instead
	 * of a redirect to the log-in page, which would start a session at every retry.
	 * @param http the stream's security
	 * @return the filter chain
	 * @throws Exception if it cannot be built
	 */
	@Bean
	@Order(2)
	SecurityFilterChain liveUpdatesSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/messages/events/**");
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		http.requestCache((cache) -> cache.disable());
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		return http.build();
	}

	private record JsonUnauthorized(MessageSource messages, LocaleResolver locales,
			JsonMapper json) implements AuthenticationEntryPoint {

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String message = this.messages.getMessage("api.error.unauthenticated", null, locale(request));
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getWriter(), Map.of("error", "unauthenticated", "message", message));
		}

		/**
		 * The person's language as the pages choose it: {@code ?lang=} (which the pages'
		 * interceptor reads, but a refusal here comes before it), else cookie or browser.
		 */
		private Locale locale(HttpServletRequest request) {
			return LocaleConfiguration.asked(request, this.locales);
		}

	}

}
