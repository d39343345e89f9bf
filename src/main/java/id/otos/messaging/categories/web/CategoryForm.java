package id.otos.messaging.categories.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The name of a new or renamed category.
 */
record CategoryForm(
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name) {

}
