package id.otos.messaging.web;

import java.io.IOException;
import java.util.Optional;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps every logged-in session in step with its account, on every request: reads the
 * account again (one primary-key lookup) and
 * <ul>
 * <li>ends the session if the account was deactivated or deleted, or its password changed
 * since this session logged in (see {@link CurrentUser#mayContinueAs}); the request then
 * goes on as an anonymous one, so the usual log-in redirect follows;</li>
 * <li>otherwise uses the account as it is now for this request, so a new role or name
 * applies at once, without logging in again.</li>
 * </ul>
 * Because it asks the database, it works the same with one node or several and with
 * sessions in memory or in the database; nothing has to be told when an account changes.
 */
class AccountSessionFilter extends OncePerRequestFilter {

	private final Accounts accounts;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	AccountSessionFilter(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser loggedIn) {
			Optional<CurrentUser> now = this.accounts.currentUser(loggedIn.id());
			if (now.isPresent() && loggedIn.mayContinueAs(now.get())) {
				useForThisRequest(now.get(), authentication);
			}
			else {
				endSession(request);
			}
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return AssetsConfiguration.isAsset(request);
	}

	private void useForThisRequest(CurrentUser now, Authentication loggedIn) {
		UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken.authenticated(now, null,
				now.getAuthorities());
		current.setDetails(loggedIn.getDetails());
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(current);
		this.contexts.setContext(context);
	}

	private void endSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.contexts.clearContext();
	}

}
