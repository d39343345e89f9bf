package id.otos.messaging.accounts.web;

import id.otos.messaging.accounts.AccountDetails;
import id.otos.messaging.accounts.AccountException;
import id.otos.messaging.accounts.AccountNotFoundException;
import id.otos.messaging.accounts.Accounts;
import id.otos.messaging.accounts.CurrentUser;
import id.otos.messaging.accounts.RoleName;
import id.otos.messaging.accounts.StudentImports;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages for people's accounts: list and search, create, edit, deactivate and
 * reactivate. Only admins reach them ({@code /admin/**}).
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final Accounts accounts;

	private final StudentImports imports;

	UserAdminController(Accounts accounts, StudentImports imports) {
		this.accounts = accounts;
		this.imports = imports;
	}

	@ModelAttribute("assignableRoles")
	Iterable<RoleName> assignableRoles() {
		return RoleName.ASSIGNABLE;
	}

	@GetMapping
	String list(@RequestParam(required = false) String search, @RequestParam(required = false) String role,
			@RequestParam(required = false) String page, Model model) {
		UserSearch query = UserSearch.of(search, role, page);
		model.addAttribute("users", this.accounts.search(query.text(), query.role(), query.page()));
		model.addAttribute("query", query);
		model.addAttribute("roles", RoleName.values());
		model.addAttribute("studentImport", this.imports.available());
		return "accounts/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("userForm", NewUserForm.blank());
		return "accounts/user-new";
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("userForm") NewUserForm form, BindingResult errors,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.accounts.register(form.toNewAccount());
			}
			catch (AccountException refusal) {
				UserForms.reject(errors, refusal);
			}
		}
		if (errors.hasErrors()) {
			return "accounts/user-new";
		}
		return done(redirect, "admin.users.created", form.email(), "redirect:/admin/users");
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		AccountDetails account = account(id);
		model.addAttribute("account", account);
		model.addAttribute("userForm", EditUserForm.of(account));
		return "accounts/user-edit";
	}

	@PostMapping("/{id}/edit")
	String save(@PathVariable long id, @AuthenticationPrincipal CurrentUser me,
			@Valid @ModelAttribute("userForm") EditUserForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.accounts.update(id, form.toChanges(), me.id());
			}
			catch (AccountException refusal) {
				UserForms.reject(errors, refusal);
			}
		}
		if (errors.hasErrors()) {
			model.addAttribute("account", account(id));
			return "accounts/user-edit";
		}
		return done(redirect, "admin.users.saved", form.email(), "redirect:/admin/users");
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		try {
			this.accounts.deactivate(id, me.id());
			redirect.addFlashAttribute("flashSuccess", "admin.users.deactivated");
		}
		catch (AccountException refusal) {
			redirect.addFlashAttribute("flashError", refusal.messageKey());
		}
		return "redirect:/admin/users/" + id + "/edit";
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.accounts.activate(id);
		}
		catch (AccountException refusal) {
			redirect.addFlashAttribute("flashError", refusal.messageKey());
			return "redirect:/admin/users/" + id + "/edit";
		}
		return done(redirect, "admin.users.activated", null, "redirect:/admin/users/" + id + "/edit");
	}

	private AccountDetails account(long id) {
		return this.accounts.details(id).orElseThrow(() -> new AccountNotFoundException(id));
	}

	private static String done(RedirectAttributes redirect, String messageKey, String argument, String target) {
		redirect.addFlashAttribute("flashSuccess", messageKey);
		if (argument != null) {
			redirect.addFlashAttribute("flashSuccessArgument", argument);
		}
		return target;
	}

}
