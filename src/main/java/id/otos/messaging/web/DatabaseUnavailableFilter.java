package id.otos.messaging.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * A request that fails because the database cannot be reached
 * ({@link DatabaseUnavailable}) is answered {@code 503 Service Unavailable} with
 * {@code Retry-After}, instead of a 500 or Tomcat's own error page: the {@code error/503}
 * page in the person's language, or {@code {"error": "unavailable", "message": ...}} for
 * the JSON API and requests that ask for JSON, or an empty 503 for the live updates'
 * event stream (the page's script tries again). It stands before Spring Session's filter,
 * so it also catches a session that could not be read, Spring Security's and the account
 * check's failures, and every controller's. A failure of database work that does not say
 * why (a rollback on a connection the pool already closed) counts when the database does
 * not answer a connection check. Answering needs nothing from the database: the page
 * shows no navigation and no unread count, and the language comes from {@code ?lang}, the
 * language cookie or the browser. Whatever the request did before it failed was not
 * reported as done: a retried form must be safe to send again (a reply's submission key
 * makes it so).
 */
final class DatabaseUnavailableFilter extends HttpFilter {

	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final ThymeleafViewResolver views;

	private final LocaleResolver locales;

	private final MessageSource messages;

	private final JsonMapper json;

	private final DataSource dataSource;

	private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

	DatabaseUnavailableFilter(ThymeleafViewResolver views, LocaleResolver locales, MessageSource messages,
			JsonMapper json, DataSource dataSource) {
		this.dataSource = dataSource;
		this.views = views;
		this.locales = locales;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted() || !databaseAway(ex)) {
				throw ex;
			}
			warn(request, ex);
			answerUnavailable(request, response);
		}
	}

	private boolean databaseAway(Exception failure) {
		return DatabaseUnavailable.isCauseOf(failure)
				|| (DatabaseUnavailable.involvesDatabase(failure) && !DatabaseUnavailable.isReachable(this.dataSource));
	}

	private void answerUnavailable(HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		response.reset();
		SecurityHeadersConfiguration.writeHeaders(request, response);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
		if (isEventStream(request)) {
			return;
		}
		Locale locale = locale(request);
		if (wantsJson(request)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getWriter(), Map.of("error", "unavailable", "message",
					this.messages.getMessage("error.503.text", null, locale)));
			return;
		}
		HttpServletRequest bare = new WithoutPageModel(request);
		bare.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
		try {
			View page = this.views.resolveViewName("error/503", locale);
			page.render(Map.of(), bare, response);
		}
		catch (Exception ex) {
			throw new ServletException("Could not show the 503 page", ex);
		}
	}

	/**
	 * The request as the 503 page sees it: without what a page that failed while
	 * rendering left on it (its model, such as the person and the navigation's unread
	 * count, which would ask the database again and fail the 503 page too), only the
	 * attributes of the container and the frameworks; what the 503 page sets stays its
	 * own.
	 */
	private static final class WithoutPageModel extends HttpServletRequestWrapper {

		private final Map<String, Object> own = new HashMap<>();

		WithoutPageModel(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			if (this.own.containsKey(name)) {
				return this.own.get(name);
			}
			return isFrameworks(name) ? super.getAttribute(name) : null;
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(this.own.keySet());
			for (String name : Collections.list(super.getAttributeNames())) {
				if (isFrameworks(name)) {
					names.add(name);
				}
			}
			return Collections.enumeration(names);
		}

		@Override
		public void setAttribute(String name, Object value) {
			if (value == null) {
				this.own.remove(name);
			}
			else {
				this.own.put(name, value);
			}
		}

		@Override
		public void removeAttribute(String name) {
			this.own.remove(name);
		}

		private static boolean isFrameworks(String name) {
			return name.startsWith("org.springframework.") || name.startsWith("jakarta.") || name.startsWith("javax.");
		}

	}

	/** {@code ?lang=en} or {@code ?lang=id} as the page links send it, else as usual. */
	private Locale locale(HttpServletRequest request) {
		return LocaleConfiguration.asked(request, this.locales);
	}

	private static boolean isEventStream(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return (accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE))
				|| path(request).startsWith("/messages/events");
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return path(request).startsWith("/api/") || (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)
				&& !accept.contains(MediaType.TEXT_HTML_VALUE));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** One warning every ten seconds at most: an outage fails every request. */
	private void warn(HttpServletRequest request, Exception ex) {
		long now = System.nanoTime();
		long last = this.lastWarned.get();
		if (now - last >= WARN_EVERY_NANOS && this.lastWarned.compareAndSet(last, now)) {
			logger.warn(
					"The database cannot be reached: answered 503 to {} {} ({}); more such answers are not logged"
							+ " for 10 s",
					request.getMethod(), path(request), NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
		else {
			logger.debug("The database cannot be reached: answered 503 to {} {}", request.getMethod(), path(request),
					ex);
		}
	}

}
