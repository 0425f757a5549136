package org.steadfast.search;

import java.time.Duration;
import java.util.List;
import org.steadfast.forum.TopicKind;

/**
 * A search as asked for: the typed text and the filters, already cleaned of anything a form or
 * a hand-edited URL could break (see the web layer's {@code SearchForm}).
 *
 * @param text what was typed, as typed (parsed by the search itself)
 * @param tags tag names every result must carry
 * @param category a category slug, or null
 * @param kind discussions or plans (with their check-ins) only, or null for both
 * @param author a username whose posts (or started topics) the text must be found in, or null
 * @param mine only the searcher's own posts (members only)
 */
public record SearchRequest(String text, List<String> tags, String category, TopicKind kind, String author,
		boolean mine, Period period, Sort sort, int page) {

	public SearchRequest {
		text = text == null ? "" : text;
		tags = List.copyOf(tags);
		period = period == null ? Period.ANY : period;
		sort = sort == null ? Sort.RELEVANCE : sort;
		page = Math.max(1, page);
	}

	public static SearchRequest of(String text) {
		return new SearchRequest(text, List.of(), null, null, null, false, Period.ANY, Sort.RELEVANCE, 1);
	}

	public boolean filtered() {
		return !tags.isEmpty() || category != null || kind != null || author != null || mine || period != Period.ANY;
	}

	public SearchRequest withPage(int page) {
		return new SearchRequest(text, tags, category, kind, author, mine, period, sort, page);
	}

	public SearchRequest withText(String text) {
		return new SearchRequest(text, tags, category, kind, author, mine, period, sort, page);
	}

	public enum Sort {
		/** Best match first (newest first among equals, and for filter-only searches). */
		RELEVANCE,
		/** Latest activity first. */
		NEWEST
	}

	/** How recent the latest activity in a topic must be. */
	public enum Period {
		ANY(null), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30)), YEAR(Duration.ofDays(365));

		private final Duration length;

		Period(Duration length) {
			this.length = length;
		}

		/** Null for ANY. */
		public Duration length() {
			return length;
		}
	}
}
