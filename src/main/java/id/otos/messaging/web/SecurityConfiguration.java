package id.otos.messaging.web;

import id.otos.messaging.accounts.Accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Form log-in by e-mail and password, CSRF on every form, a new session id at log-in, and
 * the admin pages for admins only. Every request of a logged-in person is checked against
 * their account as it is now ({@link AccountSessionFilter}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/images/**", "/webjars/**",
					"/favicon.ico")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.formLogin((form) -> form.loginPage("/login")
			.usernameParameter("username")
			.passwordParameter("password")
			.successHandler(afterLogIn())
			.failureUrl("/login?error")
			.permitAll());
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		http.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()));
		http.csrf(Customizer.withDefaults());
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedPage("/error/403"));
		return http.build();
	}

	/**
	 * After log-in, the page asked for before it, or the start page: on this site only
	 * ({@link SameSiteRedirects}); no request parameter chooses it.
	 */
	private static AuthenticationSuccessHandler afterLogIn() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl("/");
		handler.setRedirectStrategy(new SameSiteRedirects());
		return handler;
	}

	/**
	 * Spring Security applies this to every {@link HttpSecurity}, so every filter chain
	 * (the pages', and any other such as a JSON API's sharing their session) keeps
	 * log-ins in the same place and ends the sessions of deactivated accounts.
	 * @param accounts where the filter reads accounts
	 * @param securityContextRepository where log-ins are kept
	 * @return the customizer
	 */
	@Bean
	Customizer<HttpSecurity> accountSessions(Accounts accounts, SecurityContextRepository securityContextRepository) {
		return (http) -> {
			http.securityContext((context) -> context.securityContextRepository(securityContextRepository));
			http.addFilterAfter(new AccountSessionFilter(accounts), CsrfFilter.class);
		};
	}

	/**
	 * The browser may run only this application's own scripts and style sheets (no inline
	 * script, event handler or style attribute: the pages keep theirs in {@code /js} and
	 * {@code /css}), talk only to this application, send forms only here, and show no
	 * page of it inside a frame. Applied, like {@link #accountSessions}, to every filter
	 * chain, so the JSON API, the live updates and the operations endpoints answer with
	 * the same headers as the pages.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The security headers of every response. Besides the policy above: the referrer is
	 * sent only to this application ({@code same-origin}) and to no other site, not even
	 * as an origin, because a help desk's page addresses name threads and a link a person
	 * posts in a message should not tell the site it leads to where it was read (the
	 * links in messages also carry {@code rel="noreferrer"}); {@code nosniff},
	 * {@code X-Frame-Options: DENY} (for browsers without {@code frame-ancestors}), no
	 * caching of pages and HSTS on HTTPS stay as Spring Security writes them by default.
	 * @return the customizer
	 */
	@Bean
	Customizer<HttpSecurity> securityHeaders() {
		return (http) -> http
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions((frames) -> frames.deny()));
	}

	/**
	 * Where a log-in is kept between requests (the HTTP session), as a bean so that a
	 * page that changes the logged-in person's password can keep their session.
	 */
	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

}
