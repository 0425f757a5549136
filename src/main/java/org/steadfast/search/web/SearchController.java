package org.steadfast.search.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steadfast.forum.CategoryService;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Viewer;
import org.steadfast.search.ForumSearch;
import org.steadfast.search.SearchIndexer;
import org.steadfast.search.SearchRequest.Period;
import org.steadfast.search.SearchResults;
import org.steadfast.web.Pages;

@Controller
class SearchController {

	/** How many similar topics the compose form offers (as on its Preview page). */
	static final int SIMILAR_TOPICS = 5;

	private static final List<TopicKind> KINDS = List.of(TopicKind.values());
	private static final List<Period> PERIODS = List.of(Period.values());

	private final ForumSearch search;
	private final SearchIndexer indexer;
	private final CategoryService categories;

	SearchController(ForumSearch search, SearchIndexer indexer, CategoryService categories) {
		this.search = search;
		this.indexer = indexer;
		this.categories = categories;
	}

	@GetMapping("/search")
	String search(SearchForm form, Viewer viewer, Model model, HttpServletResponse response) {
		SearchResults results = search.search(form.toRequest(viewer.isMember()), search.searcher(viewer));
		if (results.state() == SearchResults.State.UNAVAILABLE) {
			// Temporary, and said so: monitors and crawlers see 503, people see the calm message.
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
		model.addAttribute("results", results);
		SearchLinks links = new SearchLinks(results.request());
		model.addAttribute("links", links);
		model.addAttribute("pager", Pages.windowed(results.page(), results.pages(), links::page));
		model.addAttribute("rebuilding", indexer.progress().running());
		var all = categories.all();
		model.addAttribute("categories", all);
		model.addAttribute("categoryName", all.stream().filter(c -> c.slug().equals(results.request().category()))
				.map(c -> c.name()).findFirst().orElse(results.request().category()));
		model.addAttribute("kinds", KINDS);
		model.addAttribute("periods", PERIODS);
		return "search/results";
	}

	/** The similar-topics list as an HTML fragment, for the script on the new-topic form. */
	@GetMapping("/search/similar")
	String similar(@RequestParam(defaultValue = "") String title, Viewer viewer, Model model) {
		model.addAttribute("similarTopics", search.similarTo(search.searcher(viewer), title, SIMILAR_TOPICS));
		return "forum/_similar :: list(topics=${similarTopics})";
	}
}
