package id.otos.messaging.categories.web;

import id.otos.messaging.categories.Categories;
import id.otos.messaging.categories.CategoryException;
import id.otos.messaging.categories.CategoryNotFoundException;
import id.otos.messaging.categories.CategoryWithTeachers;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages for subject categories: the list with each category's teachers and a
 * form to create one; and per category, renaming and assigning or unassigning teachers.
 * Only admins reach them ({@code /admin/**}).
 */
@Controller
@RequestMapping("/admin/categories")
class CategoryAdminController {

	private final Categories categories;

	CategoryAdminController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("categoryForm", new CategoryForm(null));
		return listPage(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("categoryForm") CategoryForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.categories.create(form.name());
			}
			catch (CategoryException refusal) {
				reject(errors, refusal);
			}
		}
		return errors.hasErrors() ? listPage(model) : done(redirect, "admin.categories.created", "");
	}

	@GetMapping("/{id}")
	String manage(@PathVariable long id, Model model) {
		return managePage(id, model);
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @Valid @ModelAttribute("categoryForm") CategoryForm form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.categories.rename(id, form.name());
			}
			catch (CategoryException refusal) {
				reject(errors, refusal);
			}
		}
		return errors.hasErrors() ? managePage(id, model) : done(redirect, "admin.categories.renamed", "/" + id);
	}

	@PostMapping("/{id}/teachers")
	String assign(@PathVariable long id, @Valid @ModelAttribute("assignmentForm") TeacherAssignmentForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.categories.assignTeacher(id, form.teacherId());
			}
			catch (CategoryException refusal) {
				reject(errors, refusal);
			}
		}
		return errors.hasErrors() ? managePage(id, model)
				: done(redirect, "admin.categories.teacher-assigned", "/" + id);
	}

	@PostMapping("/{id}/teachers/{teacherId}/unassign")
	String unassign(@PathVariable long id, @PathVariable long teacherId, RedirectAttributes redirect) {
		this.categories.unassignTeacher(id, teacherId);
		return done(redirect, "admin.categories.teacher-unassigned", "/" + id);
	}

	@ExceptionHandler(CategoryNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private String listPage(Model model) {
		model.addAttribute("categories", this.categories.allWithTeachers());
		return "categories/list";
	}

	/** The category's page, keeping a form that came back with errors as it was typed. */
	private String managePage(long id, Model model) {
		CategoryWithTeachers category = this.categories.findWithTeachers(id)
			.orElseThrow(() -> new CategoryNotFoundException(id));
		model.addAttribute("category", category);
		model.addAttribute("teachers", this.categories.assignableTeachers(id));
		if (!model.containsAttribute("categoryForm")) {
			model.addAttribute("categoryForm", new CategoryForm(category.name()));
		}
		if (!model.containsAttribute("assignmentForm")) {
			model.addAttribute("assignmentForm", new TeacherAssignmentForm(null));
		}
		return "categories/manage";
	}

	private static void reject(BindingResult errors, CategoryException refusal) {
		if (refusal.field() != null) {
			errors.rejectValue(refusal.field(), refusal.messageKey());
		}
		else {
			errors.reject(refusal.messageKey());
		}
	}

	private static String done(RedirectAttributes redirect, String messageKey, String path) {
		redirect.addFlashAttribute("flashSuccess", messageKey);
		return "redirect:/admin/categories" + path;
	}

}
