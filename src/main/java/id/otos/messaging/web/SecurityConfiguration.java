package id.otos.messaging.web;

import java.util.LinkedHashMap;

import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.DjangoProperties;
import id.otos.messaging.accounts.DjangoSessions;
import jakarta.servlet.ServletException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Form log-in by e-mail and password, CSRF on every form, a new session id at log-in, and
 * the admin pages for admins only. Every request of a logged-in person is checked against
 * their account as it is now ({@link AccountSessionFilter}).
 *
 * <p>
 * Standalone, a session is started by a log-in and by nothing else: someone who is not
 * logged in gets the log-in form's CSRF token in a cookie
 * ({@link SessionOrCookieCsrfTokenRepository}), the page they asked for kept in a cookie
 * ({@link SavedPageCookie}), and a refused log-in's reason in the address it is sent back
 * to.
 *
 * <p>
 * Beside Django ({@link DjangoProperties}) there is no log-in form: Django's session is
 * the log-in of every request ({@link DjangoSessionFilter}), a page asked for without one
 * goes to Django's log-in page ({@link DjangoLogInPage}), and log-out here ends the
 * Django session too ({@link DjangoLogOut}). The CSRF token is then kept in this
 * application's session, which belongs to the Django session it was made under.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final SavedPageCookie SAVED_PAGE = new SavedPageCookie();

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, DjangoProperties django, DjangoSessions djangoSessions)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/login/forgot", "/login/reset", "/error", "/error/**",
					AssetsConfiguration.PATH + "**", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		if (django.enabled()) {
			DjangoLogInPage logInPage = new DjangoLogInPage(django);
			http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(logInPage));
			http.requestCache((cache) -> cache.disable());
			http.logout((logout) -> logout.logoutUrl(DjangoLogOut.PATH)
				.addLogoutHandler(new DjangoLogOut(djangoSessions, django))
				.logoutSuccessHandler(logInPage)
				.permitAll());
		}
		else {
			http.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("username")
				.passwordParameter("password")
				.successHandler(afterLogIn())
				.failureHandler(logInRefused())
				.permitAll());
			http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
			http.csrf((csrf) -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokenRepository()));
			http.requestCache((cache) -> cache.requestCache(SAVED_PAGE));
		}
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(accessDenied()));
		return http.build();
	}

	/**
	 * The access-denied page, but for a form sent without its CSRF token or with one that
	 * is not the session's: almost always a page left open until its session ended, which
	 * gets a page saying so (nothing was sent; go back, reload, send again).
	 */
	private static AccessDeniedHandler accessDenied() {
		AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
		denied.setErrorPage("/error/403");
		AccessDeniedHandlerImpl expiredForm = new AccessDeniedHandlerImpl();
		expiredForm.setErrorPage("/error/expired-form");
		LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> handlers = new LinkedHashMap<>();
		handlers.put(CsrfException.class, expiredForm);
		return new DelegatingAccessDeniedHandler(handlers, denied);
	}

	/**
	 * After log-in, the page asked for before it, or the start page: on this site only
	 * ({@link SameSiteRedirects}); no request parameter chooses it.
	 */
	private static AuthenticationSuccessHandler afterLogIn() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setRequestCache(SAVED_PAGE);
		handler.setDefaultTargetUrl("/");
		handler.setRedirectStrategy(new SameSiteRedirects());
		return handler;
	}

	/**
	 * A refused log-in goes back to the form, saying why in its address (and in no
	 * session): a wrong e-mail or password ({@code ?error}), an e-mail that mixes
	 * alphabets ({@code ?error=mixed-scripts}), or a lock ({@code ?locked=<minutes>}).
	 * But a log-in that could not be checked because the database cannot be reached is no
	 * refusal (nor a failure for the log-in throttle to count): it is answered 503 like
	 * any request then ({@link DatabaseUnavailableFilter}).
	 */
	static AuthenticationFailureHandler logInRefused() {
		SimpleUrlAuthenticationFailureHandler refused = new SimpleUrlAuthenticationFailureHandler("/login?error");
		refused.setAllowSessionCreation(false);
		RedirectStrategy redirects = new DefaultRedirectStrategy();
		return (request, response, exception) -> {
			if (DatabaseUnavailable.isCauseOf(exception)) {
				throw new ServletException("The log-in could not be checked", exception);
			}
			if (exception instanceof ThrottledAuthenticationManager.Locked locked) {
				redirects.sendRedirect(request, response, "/login?locked=" + locked.minutes());
			}
			else if (exception instanceof ThrottledAuthenticationManager.MixedScripts) {
				redirects.sendRedirect(request, response, "/login?error=mixed-scripts");
			}
			else {
				refused.onAuthenticationFailure(request, response, exception);
			}
		};
	}

	/**
	 * Spring Security applies this to every {@link HttpSecurity}, so every filter chain
	 * (the pages', and any other such as a JSON API's sharing their session) keeps
	 * log-ins in the same place and ends the sessions of deactivated accounts; beside
	 * Django, every chain takes its log-in from Django's session, before the CSRF check
	 * (which needs to know whose session it checks).
	 * @param accounts where the filter reads accounts
	 * @param securityContextRepository where log-ins are kept
	 * @param django whether Django's session is the log-in
	 * @param djangoSessions Django's sessions
	 * @return the customizer
	 */
	@Bean
	Customizer<HttpSecurity> accountSessions(Accounts accounts, SecurityContextRepository securityContextRepository,
			DjangoProperties django, DjangoSessions djangoSessions) {
		return (http) -> {
			http.securityContext((context) -> context.securityContextRepository(securityContextRepository));
			if (django.enabled()) {
				http.addFilterBefore(
						new DjangoSessionFilter(djangoSessions, django.sessionCookieName(), securityContextRepository),
						CsrfFilter.class);
			}
			else {
				http.addFilterAfter(new AccountSessionFilter(accounts), CsrfFilter.class);
			}
		};
	}

	/**
	 * Where a log-in is kept between requests (the HTTP session), as a bean so that a
	 * page that changes the logged-in person's password can keep their session. Beside
	 * Django, a log-in is kept for the request only: the next request brings Django's
	 * session again.
	 * @param django whether Django's session is the log-in
	 * @return the repository
	 */
	@Bean
	SecurityContextRepository securityContextRepository(DjangoProperties django) {
		if (django.enabled()) {
			return new RequestAttributeSecurityContextRepository();
		}
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

}
