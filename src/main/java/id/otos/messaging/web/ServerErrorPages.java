package id.otos.messaging.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The page for what Tomcat refuses itself, before the application sees the request (an
 * encoded NUL, slash or backslash in the path, invalid UTF-8 in it, a URL or header over
 * the server's limits): the application's own error text in the person's language (cookie
 * {@code otos_lang}, else the browser's first language), instead of Tomcat's English
 * "HTTP Status 400 – Bad Request". It replaces the error report Spring Boot puts on the
 * server.
 */
@Component
class ServerErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	private final MessageSource messages;

	ServerErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new LocalizedErrorReport(this.messages));
			if (host instanceof StandardHost standardHost) {
				// else the host adds Tomcat's own report when it starts
				standardHost.setErrorReportValveClass(LocalizedErrorReport.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		// after Spring Boot's own customizer, which adds its error report
		return Ordered.LOWEST_PRECEDENCE;
	}

	static final class LocalizedErrorReport extends ErrorReportValve {

		private final MessageSource messages;

		LocalizedErrorReport(MessageSource messages) {
			this.messages = messages;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0) {
				return;
			}
			AtomicBoolean writable = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
			if (!writable.get()) {
				return;
			}
			Locale locale = locale(request);
			String title = HtmlUtils.htmlEscape(text(status, "title", locale));
			String html = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
					+ "<title>" + title
					+ "</title><link rel=\"stylesheet\" href=\"/messages/assets/css/app.css\"></head><body>"
					+ "<main class=\"container\"><section class=\"card\"><h1>" + title + "</h1><p>"
					+ HtmlUtils.htmlEscape(text(status, "text", locale)) + "</p><p><a href=\"/\">"
					+ HtmlUtils.htmlEscape(this.messages.getMessage("error.back-home", null, locale))
					+ "</a></p></section></main></body></html>\n";
			try {
				response.setContentType("text/html");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(html);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response was taken: nothing more to say
			}
		}

		private String text(int status, String part, Locale locale) {
			try {
				return this.messages.getMessage("error." + status + "." + part, null, locale);
			}
			catch (NoSuchMessageException ex) {
				String family = (status < 500 || status == 505) ? "4xx" : "500";
				return this.messages.getMessage("error." + family + "." + part, null, locale);
			}
		}

		private static Locale locale(Request request) {
			if (request.getCookies() != null) {
				for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
					if ("otos_lang".equals(cookie.getName())) {
						return "en".equals(cookie.getValue()) ? Locale.ENGLISH : LocaleConfiguration.INDONESIAN;
					}
				}
			}
			String header = request.getHeader("Accept-Language");
			return (header != null && header.strip().toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH
					: LocaleConfiguration.INDONESIAN;
		}

	}

}
