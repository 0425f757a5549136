package org.steadfast.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

	@Test
	void aShortPostIsShownWhole() {
		assertThat(Snippets.opening("Day one. I blocked them.")).isEqualTo("Day one. I blocked them.");
	}

	@Test
	void aLongOpeningEndsAtAWholeWordWithAnEllipsis() {
		String cut = "word ".repeat(60).substring(0, Snippets.LENGTH - 2) + "wo";
		String opening = Snippets.opening(cut);
		assertThat(opening).endsWith("word…").doesNotContain(" wo…");
		assertThat(opening.length()).isLessThanOrEqualTo(Snippets.LENGTH);
	}
}
