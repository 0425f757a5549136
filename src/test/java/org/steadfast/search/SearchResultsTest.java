package org.steadfast.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steadfast.search.SearchResults.Facets;
import org.steadfast.search.SearchResults.State;

class SearchResultsTest {

	private static SearchResults page(int page, int pages) {
		return new SearchResults(SearchRequest.of("x"), "x", State.SEARCHED, pages * 10L, page, pages, List.of(),
				Facets.NONE, null, List.of(), false);
	}

	@Test
	void pageLinksShowTheEndsAndTheNeighbourhoodWithGaps() {
		assertThat(page(1, 1).pageLinks()).containsExactly(1);
		assertThat(page(1, 4).pageLinks()).containsExactly(1, 2, 3, 4);
		assertThat(page(10, 20).pageLinks()).containsExactly(1, 0, 8, 9, 10, 11, 12, 0, 20);
		assertThat(page(20, 20).pageLinks()).containsExactly(1, 0, 18, 19, 20);
	}

	@Test
	void ranksContinueAcrossPages() {
		assertThat(page(3, 5).firstRank()).isEqualTo(2 * ForumSearch.PAGE_SIZE + 1);
	}
}
