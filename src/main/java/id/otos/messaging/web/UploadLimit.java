package id.otos.messaging.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request over the server's upload limit ({@code spring.servlet.multipart.*}, above the
 * application's own limits for files, which the forms explain): the 413 page at once.
 * Spring's default answer, an error dispatch, would read the oversized body again and
 * fail a second time, leaving an empty response.
 */
@ControllerAdvice
class UploadLimit {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return new ModelAndView("error/413", HttpStatus.PAYLOAD_TOO_LARGE);
	}

}
