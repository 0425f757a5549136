package org.steadfast.forum.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.Links;
import org.steadfast.forum.TagService;
import org.steadfast.forum.Viewer;
import org.steadfast.web.Pages;

@Controller
class TagController {

	private final ForumQueries queries;
	private final TagService tags;

	TagController(ForumQueries queries, TagService tags) {
		this.queries = queries;
		this.tags = tags;
	}

	@GetMapping("/tags")
	String index(Model model) {
		model.addAttribute("tags", queries.tags());
		return "forum/tags";
	}

	@GetMapping("/tags/{name}")
	String tag(@PathVariable String name, @RequestParam(defaultValue = "1") String page, Viewer viewer, Model model) {
		var tag = queries.tag(name).orElseThrow(Refusal::notFound);
		model.addAttribute("tag", tag);
		var listing = queries.tagged(viewer, tag.name(), Pages.number(page));
		model.addAttribute("listing", listing);
		model.addAttribute("pager", Pages.steps(listing.page(), listing.hasNext(), Links.tag(tag.name())));
		return "forum/tag";
	}

	/** Moderators describe, rename and merge tags. */
	@GetMapping("/mod/tags")
	String manage(Model model) {
		model.addAttribute("tags", queries.tags());
		return "forum/mod-tags";
	}

	@PostMapping("/mod/tags/{name}/describe")
	String describe(@PathVariable String name, @RequestParam String description,
			@AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		return act(redirect, () -> tags.describe(me.id(), name, description));
	}

	@PostMapping("/mod/tags/{name}/rename")
	String rename(@PathVariable String name, @RequestParam String newName,
			@AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		return act(redirect, () -> tags.rename(me.id(), name, newName));
	}

	@PostMapping("/mod/tags/{name}/merge")
	String merge(@PathVariable String name, @RequestParam String into,
			@AuthenticationPrincipal MemberPrincipal me,
			RedirectAttributes redirect) {
		return act(redirect, () -> tags.merge(me.id(), name, into));
	}

	private String act(RedirectAttributes redirect, Runnable action) {
		Flash.outcome(redirect, "tags.saved", "tagError", action);
		return "redirect:/mod/tags";
	}
}
