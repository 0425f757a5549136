package org.steadfast.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steadfast.forum.TopicKind;
import org.steadfast.search.SearchRequest;
import org.steadfast.search.SearchRequest.Period;
import org.steadfast.search.SearchRequest.Sort;

class SearchFormTest {

	@Test
	void everyParameterIsReadLeniently() {
		SearchRequest r = new SearchForm("birthday", List.of("Mutual Friends", "<b>", ""), "Advice", "PLAN",
				" @someone ", "on", "Week", "NEWEST", " 3 ").toRequest(true);
		assertThat(r.tags()).containsExactly("mutual-friends");
		assertThat(r.category()).isEqualTo("advice");
		assertThat(r.kind()).isEqualTo(TopicKind.PLAN);
		assertThat(r.author()).isEqualTo("someone");
		assertThat(r.mine()).isTrue();
		assertThat(r.period()).isEqualTo(Period.WEEK);
		assertThat(r.sort()).isEqualTo(Sort.NEWEST);
		assertThat(r.page()).isEqualTo(3);
	}

	@Test
	void whatCannotBeUnderstoodIsIgnored() {
		SearchRequest r = new SearchForm(null, null, "../etc", "nope", "  ", "maybe", "forever", "random", "abc")
				.toRequest(true);
		assertThat(r.text()).isEmpty();
		assertThat(r.tags()).isEmpty();
		assertThat(r.category()).isNull();
		assertThat(r.kind()).isNull();
		assertThat(r.author()).isNull();
		assertThat(r.mine()).isFalse();
		assertThat(r.period()).isEqualTo(Period.ANY);
		assertThat(r.sort()).isEqualTo(Sort.RELEVANCE);
		assertThat(r.page()).isEqualTo(1);
		assertThat(r.filtered()).isFalse();
	}

	@Test
	void pagesOutOfRangeAreBroughtBack() {
		assertThat(SearchForm.page("-3")).isEqualTo(1);
		assertThat(SearchForm.page("0")).isEqualTo(1);
		assertThat(SearchForm.page("99999999999")).isEqualTo(SearchForm.MAX_PAGE);
		assertThat(SearchForm.page("١٢٣")).isEqualTo(1);
		assertThat(SearchForm.page("2147483647")).isEqualTo(SearchForm.MAX_PAGE);
		assertThat(SearchForm.page("1e3")).isEqualTo(1);
	}

	@Test
	void guestsCannotAskForTheirOwnPosts() {
		assertThat(new SearchForm("x", null, null, null, null, "1", null, null, null).toRequest(false).mine()).isFalse();
	}
}
