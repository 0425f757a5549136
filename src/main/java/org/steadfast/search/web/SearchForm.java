package org.steadfast.search.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.steadfast.forum.TopicKind;
import org.steadfast.search.ForumSearch;
import org.steadfast.search.SearchRequest;
import org.steadfast.search.SearchRequest.Period;
import org.steadfast.search.SearchRequest.Sort;
import org.steadfast.web.Pages;

/**
 * The search page's query string. Every parameter is taken as text and read leniently, so that
 * no link, bookmark or hand-edited URL gets an error page: what cannot be understood is ignored
 * (a page that is not a number is page 1).
 */
record SearchForm(String q, List<String> tag, String category, String kind, String author, String mine,
		String period, String sort, String page) {

	/** Far past any real result list; keeps the offset arithmetic small. */
	static final int MAX_PAGE = 10_000;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,60}");

	SearchRequest toRequest(boolean member) {
		return new SearchRequest(q == null ? "" : q, ForumSearch.tagNames(tag == null ? List.of() : tag),
				slug(category), kind(kind), author(author), member && yes(mine), period(period), sort(sort),
				page(page));
	}

	private static String slug(String value) {
		String slug = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		return SLUG.matcher(slug).matches() ? slug : null;
	}

	private static TopicKind kind(String value) {
		return parse(TopicKind.class, value, null);
	}

	private static String author(String value) {
		String name = value == null ? "" : value.strip();
		if (name.startsWith("@")) {
			name = name.substring(1);
		}
		return name.isEmpty() ? null : name;
	}

	private static boolean yes(String value) {
		return value != null && List.of("1", "true", "on", "yes").contains(value.strip().toLowerCase(Locale.ROOT));
	}

	private static Period period(String value) {
		return parse(Period.class, value, Period.ANY);
	}

	private static Sort sort(String value) {
		return parse(Sort.class, value, Sort.RELEVANCE);
	}

	static int page(String value) {
		return Math.min(Pages.number(value == null ? null : value.strip()), MAX_PAGE);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
		if (value == null) {
			return otherwise;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.strip())) {
				return constant;
			}
		}
		return otherwise;
	}
}
