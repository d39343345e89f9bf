package id.otos.messaging.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * A multipart form the server cannot or will not read is answered here, before anything
 * else reads it: a NUL or another control character in a file name, a part header over
 * {@code server.tomcat.max-part-header-size}, more parts than
 * {@code server.tomcat.max-part-count}, a body cut short or otherwise malformed (400), or
 * more than {@code spring.servlet.multipart.*} allows (413). The person gets a page (or
 * JSON for the API) in their language saying nothing was sent, and the log one warning
 * line. Reading the parts here, rather than where the page's controller asks for them,
 * also keeps the CSRF check from reading a failed body as a form without its token (which
 * would tell the person that the form had expired).
 */
class UnreadableForms extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(UnreadableForms.class);

	private final ThymeleafViewResolver views;

	private final LocaleResolver locales;

	private final MessageSource messages;

	private final JsonMapper json;

	private final MultipartConfigElement uploads;

	UnreadableForms(ThymeleafViewResolver views, LocaleResolver locales, MessageSource messages, JsonMapper json,
			MultipartConfigElement uploads) {
		this.uploads = uploads;
		this.views = views;
		this.locales = locales;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isMultipart(request)) {
			try {
				for (Part part : request.getParts()) {
					requireReadableName(part.getSubmittedFileName());
				}
			}
			catch (IOException | ServletException | RuntimeException ex) {
				// Tomcat's parser fails with IllegalStateException, IOException or, for
				// a NUL in a file name, its InvalidFileNameException
				refuse(new WithoutParameters(request), response, ex);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/** A file name with a control character (Tomcat itself refuses only NUL). */
	private static void requireReadableName(String fileName) throws ServletException {
		if (fileName != null && fileName.chars().anyMatch(Character::isISOControl)) {
			throw new ServletException("a control character in a file name");
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Exception failure)
			throws IOException, ServletException {
		boolean tooLarge = isTooLarge(failure);
		logger.warn("Refused a form to " + printable(request.getRequestURI()) + " that could not be read ("
				+ (tooLarge ? "over the upload limit" : "malformed") + "): " + printable(rootCause(failure)));
		if (response.isCommitted()) {
			// the connection failed while the body was read: there is nobody to tell
			return;
		}
		response.reset();
		SecurityHeadersConfiguration.writeHeaders(request, response);
		response
			.setStatus(tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
		String page = tooLarge ? "error/413" : "error/unreadable-form";
		Locale locale = this.locales.resolveLocale(request);
		if (wantsJson(request)) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			String key = tooLarge ? "error.413.text" : "error.unreadable-form.text";
			this.json.writeValue(response.getWriter(), Map.of("error", tooLarge ? "too_large" : "bad_request",
					"message", this.messages.getMessage(key, null, locale)));
			return;
		}
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
		try {
			View view = this.views.resolveViewName(page, locale);
			view.render(Map.of(), request, response);
		}
		catch (Exception ex) {
			throw new ServletException("Could not show the page of an unreadable form", ex);
		}
	}

	/**
	 * Over the size allowed for a file or for the whole request; a part's header over its
	 * limit fails with the same exception as the whole request, with its own limit.
	 */
	private boolean isTooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof FileSizeLimitExceededException) {
				return true;
			}
			if (cause instanceof SizeLimitExceededException tooMuch) {
				return tooMuch.getPermittedSize() == this.uploads.getMaxRequestSize();
			}
		}
		return false;
	}

	private static String rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/**
	 * The request without its parameters, which Tomcat refuses to give (with an
	 * exception) once its body failed to parse: the page of the refusal is in the
	 * language of the cookie or the browser.
	 */
	private static final class WithoutParameters extends HttpServletRequestWrapper {

		WithoutParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

	/** Text for the log: control and format characters shown as escapes, cut short. */
	private static String printable(String text) {
		StringBuilder shown = new StringBuilder();
		text.codePoints().limit(300).forEach((c) -> {
			if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
					|| Character.getType(c) == Character.LINE_SEPARATOR
					|| Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
				shown.append(String.format("\\u%04x", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		return shown.toString();
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/") || (accept != null
				&& accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains(MediaType.TEXT_HTML_VALUE));
	}

}
