package org.steadfast.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steadfast.forum.TopicKind;
import org.steadfast.search.SearchRequest;
import org.steadfast.search.SearchRequest.Period;
import org.steadfast.search.SearchRequest.Sort;
import org.steadfast.search.SearchResults.FacetValue;

class SearchLinksTest {

	private final SearchRequest request = new SearchRequest("c++ & \"day one\"", List.of("birthday"), "advice",
			TopicKind.PLAN, "someone", false, Period.MONTH, Sort.NEWEST, 3);

	private final SearchLinks links = new SearchLinks(request);

	@Test
	void everyLinkKeepsTheSearchAndEncodesItAsAFormWould() {
		assertThat(links.page(4)).isEqualTo("/search?q=c%2B%2B+%26+%22day+one%22&tag=birthday&category=advice"
				+ "&kind=plan&author=someone&period=month&sort=newest&page=4");
	}

	@Test
	void changingAFilterGoesBackToTheFirstPage() {
		assertThat(links.withTag("urges")).contains("tag=birthday&tag=urges").doesNotContain("page=");
		assertThat(links.withoutTag("birthday")).doesNotContain("tag=").doesNotContain("page=");
		assertThat(links.category(null)).doesNotContain("category=");
		assertThat(links.kind(null)).doesNotContain("kind=");
		assertThat(links.period("ANY")).doesNotContain("period=");
		assertThat(links.sort("RELEVANCE")).doesNotContain("sort=");
		assertThat(links.withoutAuthor()).doesNotContain("author=");
	}

	@Test
	void aTagLinkStartsAFreshSearch() {
		assertThat(links.tag("slip")).isEqualTo("/search?tag=slip");
		assertThat(links.withoutFilters()).isEqualTo("/search?q=c%2B%2B+%26+%22day+one%22");
	}

	@Test
	void aFacetValueChoosesItselfOrLetsItselfGo() {
		assertThat(links.facet("tags", new FacetValue("urges", "urges", 2, false))).isEqualTo(links.withTag("urges"));
		assertThat(links.facet("tags", new FacetValue("birthday", "birthday", 2, true)))
				.isEqualTo(links.withoutTag("birthday"));
		assertThat(links.facet("categories", new FacetValue("advice", "Advice", 2, true))).isEqualTo(links.category(null));
		assertThat(links.facet("kinds", new FacetValue("DISCUSSION", "DISCUSSION", 2, false)))
				.isEqualTo(links.kind("DISCUSSION"));
		assertThat(links.facet("periods", new FacetValue("MONTH", "MONTH", 2, true))).isEqualTo(links.period("ANY"));
	}
}
