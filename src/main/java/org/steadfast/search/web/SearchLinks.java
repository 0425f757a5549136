package org.steadfast.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.steadfast.forum.TopicKind;
import org.steadfast.search.SearchRequest;
import org.steadfast.search.SearchRequest.Period;
import org.steadfast.search.SearchRequest.Sort;
import org.steadfast.search.SearchResults.FacetValue;

/**
 * The links of a results page (pages, sort orders, facets, removing a filter), each one the
 * current search with one thing changed. Changing anything but the page goes back to page 1.
 */
public final class SearchLinks {

	private final SearchRequest request;

	SearchLinks(SearchRequest request) {
		this.request = request;
	}

	public String page(int page) {
		return href(request.withPage(page));
	}

	public String sort(String sort) {
		return href(copy(request.text(), request.tags(), request.category(), request.kind(), request.author(),
				request.mine(), request.period(), Sort.valueOf(sort)));
	}

	public String withTag(String tag) {
		List<String> tags = new ArrayList<>(request.tags());
		if (!tags.contains(tag)) {
			tags.add(tag);
		}
		return href(copy(request.text(), tags, request.category(), request.kind(), request.author(), request.mine(),
				request.period(), request.sort()));
	}

	public String withoutTag(String tag) {
		List<String> tags = new ArrayList<>(request.tags());
		tags.remove(tag);
		return href(copy(request.text(), tags, request.category(), request.kind(), request.author(), request.mine(),
				request.period(), request.sort()));
	}

	/** The search in this category, or in all categories for null. */
	public String category(String slug) {
		return href(copy(request.text(), request.tags(), slug, request.kind(), request.author(), request.mine(),
				request.period(), request.sort()));
	}

	/** Only this kind of topic, or both for null. */
	public String kind(String kind) {
		return href(copy(request.text(), request.tags(), request.category(),
				kind == null ? null : TopicKind.valueOf(kind), request.author(), request.mine(),
				request.period(), request.sort()));
	}

	public String period(String period) {
		return href(copy(request.text(), request.tags(), request.category(), request.kind(), request.author(),
				request.mine(), Period.valueOf(period), request.sort()));
	}

	public String withoutAuthor() {
		return href(copy(request.text(), request.tags(), request.category(), request.kind(), null, false,
				request.period(), request.sort()));
	}

	/** The suggested words with every filter kept. */
	public String text(String text) {
		return href(copy(text, request.tags(), request.category(), request.kind(), request.author(), request.mine(),
				request.period(), request.sort()));
	}

	/** The same words with no filter. */
	public String withoutFilters() {
		return href(SearchRequest.of(request.text()));
	}

	/**
	 * The link of a value in a facet ({@code tags}, {@code categories}, {@code kinds} or {@code periods}):
	 * choosing it, or letting it go when it is the chosen one.
	 */
	public String facet(String facet, FacetValue value) {
		String chosen = value.selected() ? null : value.value();
		return switch (facet) {
			case "tags" -> value.selected() ? withoutTag(value.value()) : withTag(value.value());
			case "categories" -> category(chosen);
			case "kinds" -> kind(chosen);
			case "periods" -> period(chosen == null ? Period.ANY.name() : chosen);
			default -> throw new IllegalArgumentException("No such facet: " + facet);
		};
	}

	public String tag(String tag) {
		return href(copy("", List.of(tag), null, null, null, false, Period.ANY, Sort.RELEVANCE));
	}

	private static SearchRequest copy(String text, List<String> tags, String category,
			TopicKind kind, String author, boolean mine, Period period, Sort sort) {
		return new SearchRequest(text, tags, category, kind, author, mine, period, sort, 1);
	}

	static String href(SearchRequest r) {
		List<String> params = new ArrayList<>();
		if (!r.text().isBlank()) {
			param(params, "q", r.text());
		}
		r.tags().forEach(t -> param(params, "tag", t));
		param(params, "category", r.category());
		param(params, "kind", r.kind() == null ? null : r.kind().name().toLowerCase(Locale.ROOT));
		param(params, "author", r.author());
		param(params, "mine", r.mine() ? "1" : null);
		param(params, "period", r.period() == Period.ANY ? null : r.period().name().toLowerCase(Locale.ROOT));
		param(params, "sort", r.sort() == Sort.RELEVANCE ? null : r.sort().name().toLowerCase(Locale.ROOT));
		param(params, "page", r.page() > 1 ? String.valueOf(r.page()) : null);
		return params.isEmpty() ? "/search" : "/search?" + String.join("&", params);
	}

	/** Form encoding, as the search form itself sends (a typed "+" stays a plus). */
	private static void param(List<String> params, String name, String value) {
		if (value != null) {
			params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}
}
