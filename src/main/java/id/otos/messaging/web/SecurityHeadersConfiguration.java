package id.otos.messaging.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The security headers of every response, of every filter chain (the pages', the JSON
 * API's, the live updates', the operations endpoints') and of a request refused before
 * any chain (a malformed address the firewall rejects).
 * <ul>
 * <li>{@code Content-Security-Policy}: the browser runs only this application's own
 * script and style files (no inline script, event handler or style attribute: the pages
 * keep theirs in {@code /js} and {@code /css}), loads images from here (and {@code data:}
 * ones), talks only to this application (the live updates' event stream and fetches),
 * sends forms only here, and shows no page of it inside a frame. An attachment or a
 * profile picture keeps its own stricter {@code sandbox} policy: a policy already set is
 * not replaced.</li>
 * <li>{@code Referrer-Policy: same-origin}: the referrer goes to this application only
 * and to no other site, not even as an origin ({@code strict-origin-when-cross-origin}
 * would still name the help desk's host to every site a posted link leads to); the
 * addresses of a help desk name threads, and nothing here needs another site to know
 * where a visitor came from. Links in messages also carry {@code rel="noreferrer"}.</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} (for
 * browsers without {@code frame-ancestors}), no caching, and HSTS on HTTPS requests, as
 * Spring Security writes them by default.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

	/**
	 * Spring Security applies this to every {@link HttpSecurity}, so every filter chain
	 * writes the same headers.
	 * @return the customizer
	 */
	@Bean
	Customizer<HttpSecurity> securityHeaders() {
		return (http) -> http
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(REFERRER_POLICY))
				.frameOptions((frames) -> frames.deny()));
	}

	/**
	 * A request the firewall refuses (say {@code /css/a;b} or an encoded {@code ..})
	 * never reaches a filter chain, so its 400 page would go out without the headers
	 * above: this writes them before the 400 (and, as Spring Security does by default,
	 * marks the request's observation as an error).
	 * @param observations the observations, when there are any
	 * @return the handler
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ObjectProvider<ObservationRegistry> observations) {
		List<RequestRejectedHandler> handlers = new ArrayList<>();
		observations.ifAvailable((registry) -> handlers.add(new ObservationMarkingRequestRejectedHandler(registry)));
		handlers.add(new BadRequestWithHeaders());
		return new CompositeRequestRejectedHandler(handlers.toArray(RequestRejectedHandler[]::new));
	}

	/**
	 * Writes the headers above on a response no filter chain answers (a request the
	 * firewall refuses, a request answered 503 because the database cannot be reached).
	 * @param request the request
	 * @param response its response, not yet committed
	 */
	static void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		HEADERS.forEach((writer) -> writer.writeHeaders(request, response));
	}

	private static final List<HeaderWriter> HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
			new CacheControlHeadersWriter(), new HstsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
			new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
			new ReferrerPolicyHeaderWriter(REFERRER_POLICY));

	private static final class BadRequestWithHeaders implements RequestRejectedHandler {

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
				throws IOException {
			writeHeaders(request, response);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		}

	}

}
