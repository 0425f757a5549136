package org.steadfast.search;

import java.util.List;
import org.steadfast.forum.ForumViews.TopicSummary;
import org.steadfast.web.Pages;

/**
 * One page of search results, as the results page shows it.
 *
 * @param shownText the cleaned search text, to put back into the box
 * @param state whether anything was searched, and if not why
 * @param total how many topics match, for this searcher
 * @param pages how many pages those make (at least 1)
 * @param suggestion a respelling that finds something, when nothing was found; otherwise null
 * @param popularTags the most used tags this searcher can see, for the start and empty states
 * @param broadened whether too few topics had all the words, so these have some of them
 */
public record SearchResults(SearchRequest request, String shownText, State state, long total, int page, int pages,
		List<Hit> hits, Facets facets, String suggestion, List<FacetValue> popularTags, boolean broadened) {

	public enum State {
		/** Nothing typed and no filter: the start page. */
		START,
		/** Searched; hits may be empty. */
		SEARCHED,
		/** The author filter names nobody. */
		UNKNOWN_AUTHOR,
		/** The index could not answer (it is being rebuilt, or failed); the page says so. */
		UNAVAILABLE
	}

	/**
	 * A matching topic with its highlighted title and the best matching post it holds.
	 *
	 * @param titleHtml the title with matches in {@code <mark>}, HTML-escaped; null when the title did not match
	 * @param snippetHtml a passage of the best matching post with matches in {@code <mark>}, HTML-escaped; may be null
	 * @param postHref the link to that post; null without a snippet
	 */
	public record Hit(TopicSummary topic, String titleHtml, String snippetHtml, String postHref, int postNumber) {

		public boolean reply() {
			return postNumber > 1;
		}
	}

	/** Counts of the matching topics by tag, category, kind and how recent they are. */
	public record Facets(List<FacetValue> tags, List<FacetValue> categories, List<FacetValue> kinds,
			List<FacetValue> periods) {

		public static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of());

		public boolean isEmpty() {
			return tags.isEmpty() && categories.isEmpty() && kinds.isEmpty() && periods.isEmpty();
		}
	}

	/**
	 * One value to refine by.
	 *
	 * @param value what the filter parameter takes (a tag name, category slug, kind or period)
	 * @param label what to show: a name, or for kinds and periods the value, which templates turn into a message
	 */
	public record FacetValue(String value, String label, long count, boolean selected) {
	}

	public boolean searched() {
		return state == State.SEARCHED;
	}

	public boolean empty() {
		return searched() && hits.isEmpty();
	}

	/** The rank of this page's first result, for the numbered list. */
	public int firstRank() {
		return (page - 1) * ForumSearch.PAGE_SIZE + 1;
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages;
	}

	/** The page numbers to link: the first, the last, and two either side of this one (0 marks a gap). */
	public List<Integer> pageLinks() {
		return Pages.around(page, pages);
	}
}
