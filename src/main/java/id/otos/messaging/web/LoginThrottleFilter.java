package id.otos.messaging.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the log-in form's authentication ({@code POST /login}): an attempt
 * for a locked e-mail or from a locked address is sent back to
 * {@code /login?locked=<minutes>} without any password being checked, the same way
 * whether or not the account exists; any other attempt goes ahead and its outcome is
 * counted by the {@link LoginThrottle}. The outcome is read from the security context
 * once authentication has run: a log-in sets it, a failure clears it.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!LOGIN.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		String email = request.getParameter("username");
		String address = request.getRemoteAddr();
		Optional<Duration> wait = this.throttle.refusal(email, address);
		if (wait.isPresent()) {
			long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
			response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
			return;
		}
		chain.doFilter(request, response);
		if (loggedIn()) {
			this.throttle.succeeded(email);
		}
		else {
			this.throttle.failed(email, address);
		}
	}

	private static boolean loggedIn() {
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
			.getContext()
			.getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
