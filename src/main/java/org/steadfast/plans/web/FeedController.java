package org.steadfast.plans.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steadfast.forum.Viewer;
import org.steadfast.plans.PlanQueries;
import org.steadfast.web.Pages;

/** Recent check-ins the reader may see, and the ones that most need a kind word. */
@Controller
class FeedController {

	private final PlanQueries queries;

	FeedController(PlanQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/checkins")
	String feed(@RequestParam(defaultValue = "all") String view, @RequestParam(defaultValue = "1") String page,
			Viewer viewer, Model model) {
		boolean encourage = "encourage".equals(view);
		var listing = queries.feed(viewer, encourage, Pages.number(page));
		String shown = encourage ? "encourage" : "all";
		model.addAttribute("listing", listing);
		model.addAttribute("view", shown);
		model.addAttribute("pager", Pages.steps(listing.page(), listing.hasNext(), "/checkins", "view", shown));
		return "plans/feed";
	}
}
