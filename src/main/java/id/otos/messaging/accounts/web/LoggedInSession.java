package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the current session logged in after its person changed their password: stores
 * them with the new password's fingerprint (so the session is not taken for a stale one
 * and ended), under a new session id.
 */
@Component
class LoggedInSession {

	private final SecurityContextRepository repository;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	LoggedInSession(SecurityContextRepository repository) {
		this.repository = repository;
	}

	void renew(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		Authentication previous = this.contexts.getContext().getAuthentication();
		UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities());
		renewed.setDetails((previous != null) ? previous.getDetails() : null);
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(renewed);
		this.contexts.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		this.repository.saveContext(context, request, response);
	}

}
