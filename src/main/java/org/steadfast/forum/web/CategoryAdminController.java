package org.steadfast.forum.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.forum.CategoryService;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.common.Refusal;

/** Administrators create, edit, reorder and archive categories. */
@Controller
class CategoryAdminController {

	private final CategoryService categories;

	CategoryAdminController(CategoryService categories) {
		this.categories = categories;
	}

	@GetMapping("/admin/categories")
	String list(Model model) {
		model.addAttribute("categories", categories.all());
		return "forum/admin-categories";
	}

	@PostMapping("/admin/categories")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "false") boolean advice, Model model,
			@AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		try {
			categories.create(me.id(), name, description, advice);
		}
		catch (Refusal e) {
			model.addAttribute("categories", categories.all());
			model.addAttribute("createError", e.messageKey());
			model.addAttribute("newName", name);
			model.addAttribute("newDescription", description);
			model.addAttribute("newAdvice", advice);
			return "forum/admin-categories";
		}
		redirect.addFlashAttribute("notice", "category.saved");
		return "redirect:/admin/categories";
	}

	@PostMapping("/admin/categories/{id}")
	String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "false") boolean advice,
			@AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		return act(redirect, () -> categories.update(me.id(), id, name, description, advice));
	}

	@PostMapping("/admin/categories/{id}/move")
	String move(@PathVariable long id, @RequestParam int direction, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		return act(redirect, () -> categories.move(me.id(), id, direction));
	}

	@PostMapping("/admin/categories/{id}/archive")
	String archive(@PathVariable long id, @RequestParam boolean archived, @AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		return act(redirect, () -> categories.setArchived(me.id(), id, archived));
	}

	private String act(RedirectAttributes redirect, Runnable action) {
		Flash.outcome(redirect, "category.saved", "categoryError", action);
		return "redirect:/admin/categories";
	}
}
