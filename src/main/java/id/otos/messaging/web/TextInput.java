package id.otos.messaging.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text that arrives in any form field or parameter loses its NUL characters: no one types
 * them, PostgreSQL cannot store them in text, and a search with one fails there. Removing
 * them (rather than refusing the field) keeps every form's own checks in charge: a text
 * that was nothing but NULs is then empty, and the form says that it is required.
 */
@ControllerAdvice
class TextInput {

	@InitBinder
	void withoutNul(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new WithoutNul());
	}

	private static final class WithoutNul extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue((text != null && text.indexOf('\u0000') >= 0) ? text.replace("\u0000", "") : text);
		}

	}

}
