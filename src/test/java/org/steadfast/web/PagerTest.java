package org.steadfast.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.steadfast.web.Pages.Pager;

class PagerTest {

	@Test
	void aNumberedPagerLinksEveryPageAndTheFirstWithoutAPageNumber() {
		Pager pager = Pages.numbered(2, 3, "/t/7/day-one");
		assertThat(pager.shown()).isTrue();
		assertThat(pager.numbers()).containsExactly(1, 2, 3);
		assertThat(pager.href(1)).isEqualTo("/t/7/day-one");
		assertThat(pager.href(3)).isEqualTo("/t/7/day-one?page=3");
		assertThat(Pages.numbered(1, 1, "/t/7/day-one").shown()).isFalse();
	}

	@Test
	void stepsKeepTheirParametersAndShowOnlyWhenThereIsAnotherPage() {
		Pager pager = Pages.steps(2, false, "/checkins", "view", "encourage");
		assertThat(pager.hasPrevious()).isTrue();
		assertThat(pager.href(1)).isEqualTo("/checkins?view=encourage&page=1");
		assertThat(pager.numbers()).isEmpty();
		assertThat(pager.stepsWithPage()).isTrue();
		assertThat(Pages.plainSteps(1, false, "/notifications").shown()).isFalse();
		assertThat(Pages.plainSteps(1, true, "/notifications").href(2)).isEqualTo("/notifications?page=2");
	}

	@Test
	void aWindowedPagerShowsTheEndsAndTheNeighbourhoodWithGaps() {
		Pager pager = Pages.windowed(10, 20, n -> "/search?q=x&page=" + n);
		assertThat(pager.numbers()).containsExactly(1, 0, 8, 9, 10, 11, 12, 0, 20);
		assertThat(pager.href(11)).isEqualTo("/search?q=x&page=11");
		assertThat(pager.hasNext()).isTrue();
	}
}
