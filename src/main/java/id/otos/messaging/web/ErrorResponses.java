package id.otos.messaging.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error responses, saying in the person's language what went wrong: an
 * error that is not a page (a script's request, the JSON API) is JSON with a
 * {@code message} from {@code messages*.properties} ({@code error.<status>.text}, else
 * {@code error.4xx.text} or {@code error.500.text}), and it is JSON whatever the request
 * said it accepts, where Spring Boot would answer with an empty body. Pages keep Spring
 * Boot's error templates ({@code templates/error/}). Asked for directly (no error to
 * show: the container did not send the request here), {@code /error} is a page that does
 * not exist, with any method.
 */
@Controller
class ErrorResponses extends BasicErrorController {

	private final MessageSource messages;

	private final JsonMapper json;

	ErrorResponses(ErrorAttributes errorAttributes, WebProperties web, List<ErrorViewResolver> errorViewResolvers,
			MessageSource messages, JsonMapper json) {
		super(errorAttributes, web.getError(), errorViewResolvers);
		this.messages = messages;
		this.json = json;
	}

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (askedDirectly(request)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		}
		return super.errorHtml(request, response);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (askedDirectly(request)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("status", HttpStatus.NOT_FOUND.value(), "message", message(HttpStatus.NOT_FOUND)));
		}
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> body = new LinkedHashMap<>(getErrorAttributes(request, ErrorAttributeOptions.defaults()));
		body.put("message", message(status));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	@Override
	public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("message", message(status));
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.writeValueAsString(body));
	}

	/** Not an error dispatch: nothing failed, someone typed {@code /error}. */
	private static boolean askedDirectly(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null;
	}

	private String message(HttpStatus status) {
		String fallback = status.is4xxClientError() ? "error.4xx.text" : "error.500.text";
		String text = this.messages.getMessage("error." + status.value() + ".text", null, null,
				LocaleContextHolder.getLocale());
		return (text != null) ? text : this.messages.getMessage(fallback, null, LocaleContextHolder.getLocale());
	}

}
