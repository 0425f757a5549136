package org.steadfast.forum.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.steadfast.forum.CategoryService;
import org.steadfast.common.Refusal;
import org.steadfast.forum.ForumQueries;
import org.steadfast.forum.Links;
import org.steadfast.forum.Viewer;
import org.steadfast.web.Pages;

@Controller
class ListingController {

	private final ForumQueries queries;
	private final CategoryService categories;

	ListingController(ForumQueries queries, CategoryService categories) {
		this.queries = queries;
		this.categories = categories;
	}

	@GetMapping({ "/", "/latest" })
	String latest(@RequestParam(defaultValue = "1") String page, Viewer viewer, Model model) {
		var listing = queries.latest(viewer, Pages.number(page));
		model.addAttribute("listing", listing);
		model.addAttribute("pager", Pages.steps(listing.page(), listing.hasNext(), "/latest"));
		model.addAttribute("categories", categories.open());
		model.addAttribute("view", "latest");
		return "forum/latest";
	}

	@GetMapping("/unanswered")
	String unanswered(@RequestParam(defaultValue = "1") String page, Viewer viewer, Model model) {
		var listing = queries.unanswered(viewer, Pages.number(page));
		model.addAttribute("listing", listing);
		model.addAttribute("pager", Pages.steps(listing.page(), listing.hasNext(), "/unanswered"));
		model.addAttribute("categories", categories.open());
		model.addAttribute("view", "unanswered");
		return "forum/latest";
	}

	@GetMapping("/c/{slug}")
	String category(@PathVariable String slug, @RequestParam(defaultValue = "1") String page, Viewer viewer,
			Model model) {
		var category = categories.bySlug(slug).orElseThrow(Refusal::notFound);
		model.addAttribute("category", category);
		var listing = queries.inCategory(viewer, category.id(), Pages.number(page));
		model.addAttribute("listing", listing);
		model.addAttribute("pager", Pages.steps(listing.page(), listing.hasNext(), Links.category(category.slug())));
		return "forum/category";
	}
}
