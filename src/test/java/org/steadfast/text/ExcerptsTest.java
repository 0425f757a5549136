package org.steadfast.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcerptsTest {

	@Test
	void textThatFitsIsReturnedUnchanged() {
		assertThat(Excerpts.excerpt("Short and sweet.", 16)).isEqualTo("Short and sweet.");
	}

	@Test
	void longTextIsCutAtTheLastWholeWordWithAnEllipsis() {
		assertThat(Excerpts.excerpt("Today was hard but I got through it", 20)).isEqualTo("Today was hard but…");
	}

	@Test
	void cutRightAfterAWordKeepsThatWord() {
		assertThat(Excerpts.excerpt("one two three", 8)).isEqualTo("one two…");
	}

	@Test
	void separatorsBeforeTheEllipsisAreDropped() {
		assertThat(Excerpts.excerpt("Well, honestly: it helps", 16)).isEqualTo("Well, honestly…");
		assertThat(Excerpts.excerpt("Well, honestly it helps", 8)).isEqualTo("Well…");
	}

	@Test
	void aSingleWordLongerThanTheLimitIsCutMidWord() {
		assertThat(Excerpts.excerpt("Supercalifragilistic", 6)).isEqualTo("Super…");
	}

	@Test
	void whitespaceIsCollapsedBeforeMeasuring() {
		assertThat(Excerpts.excerpt("  a \n\n b\t c  ", 5)).isEqualTo("a b c");
	}

	@Test
	void nullIsAnEmptyExcerpt() {
		assertThat(Excerpts.excerpt(null, 10)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
	void excerptNeverExceedsTheLimit(int maxChars) {
		assertThat(Excerpts.excerpt("Breathe in, breathe out, repeat.", maxChars)).hasSizeLessThanOrEqualTo(maxChars)
				.endsWith(Excerpts.ELLIPSIS);
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 4, 5, 6, 7 })
	void surrogatePairsAreNeverSplit(int maxChars) {
		String excerpt = Excerpts.excerpt("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", maxChars);

		String kept = excerpt.substring(0, excerpt.length() - Excerpts.ELLIPSIS.length());
		assertThat(kept.length() % 2).isZero();
		assertThat(kept.codePoints()).allMatch(codePoint -> codePoint == 0x1F600);
	}

	@Test
	void emojiAtTheCutIsDroppedWholeWhenItWouldBeSplit() {
		assertThat(Excerpts.excerpt("hi \uD83D\uDE00\uD83D\uDE00", 5)).isEqualTo("hi…");
		assertThat(Excerpts.excerpt("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
	}

	@Test
	void nonPositiveLimitIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Excerpts.excerpt("text", 0));
	}
}
