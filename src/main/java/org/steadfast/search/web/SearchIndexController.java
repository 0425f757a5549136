package org.steadfast.search.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steadfast.search.SearchIndexer;

/** The search index on the admin pages: what it holds, and a rebuild with its progress. Security allows ADMIN only. */
@Controller
class SearchIndexController {

	private final SearchIndexer indexer;

	SearchIndexController(SearchIndexer indexer) {
		this.indexer = indexer;
	}

	@GetMapping("/admin/search")
	String status(Model model) {
		model.addAttribute("status", indexer.status());
		return "search/admin";
	}

	/** Just the progress, for the page's script to refresh while a rebuild runs. */
	@GetMapping("/admin/search/progress")
	String progress(Model model) {
		model.addAttribute("progress", indexer.progress());
		return "search/_progress :: progress(progress=${progress})";
	}

	@PostMapping("/admin/search/rebuild")
	String rebuild(RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", indexer.rebuild() ? "searchIndex.started" : "searchIndex.alreadyRunning");
		return "redirect:/admin/search";
	}
}
