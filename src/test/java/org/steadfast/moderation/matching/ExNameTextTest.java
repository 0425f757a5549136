package org.steadfast.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.steadfast.moderation.matching.ExNameText.Hit;
import org.steadfast.moderation.matching.ExNameText.Problem;
import org.steadfast.moderation.matching.ExNameText.Stored;

class ExNameTextTest {

	/** Stands in for the keyed fingerprint: visible, so that the tests can read what is compared. */
	private static final UnaryOperator<String> KEY = words -> "k(" + words + ")";

	private static Stored stored(long owner, String typed) {
		var entry = ExNameText.entry(typed).entry();
		return new Stored(owner, KEY.apply(entry.first()), KEY.apply(entry.phrase()), entry.words().size());
	}

	private static List<String> found(String text, Stored... entries) {
		return ExNameText.of(text).hits(List.of(entries), KEY).stream().map(h -> text.substring(h.start(), h.end()))
				.toList();
	}

	@Test
	void anEntryIsItsFoldedWordsAndANumberItsLastNineDigits() {
		assertThat(ExNameText.entry("  Jamie   O'Neill ").entry().words()).containsExactly("jamie", "o", "neill");
		assertThat(ExNameText.entry("JÁMIE").entry().words()).containsExactly("jamie");
		assertThat(ExNameText.entry("@jamie_92").entry().words()).containsExactly("jamie", "92");
		assertThat(ExNameText.entry("+44 7700 900123").entry().words()).containsExactly("700900123");
		assertThat(ExNameText.entry("07700-900-123").entry().words()).containsExactly("700900123");
	}

	@Test
	void entriesThatWouldHoldEverythingOrNothingAreRefusedWithAReason() {
		assertThat(ExNameText.entry("").problem()).isEqualTo(Problem.EMPTY);
		assertThat(ExNameText.entry(" ... ").problem()).isEqualTo(Problem.EMPTY);
		assertThat(ExNameText.entry("j").problem()).isEqualTo(Problem.TOO_SHORT);
		assertThat(ExNameText.entry("my ex").problem()).isEqualTo(Problem.TOO_COMMON);
		assertThat(ExNameText.entry("Him").problem()).isEqualTo(Problem.TOO_COMMON);
		assertThat(ExNameText.entry("one two three four five").problem()).isEqualTo(Problem.TOO_MANY_WORDS);
		assertThat(ExNameText.entry("x".repeat(81)).problem()).isEqualTo(Problem.TOO_LONG);
		assertThat(ExNameText.entry("Sam").problem()).isNull();
	}

	@Test
	void wholeWordsMatchWhateverTheCaseAccentsOrPunctuation() {
		Stored sam = stored(1, "Sam");
		assertThat(found("Sam texted. SAM's friend too, and sám again", sam)).containsExactly("Sam", "SAM", "sám");
		assertThat(found("the same samples, samuel", sam)).isEmpty();
	}

	@Test
	void aPhraseMatchesOnlyAsAWholeSequence() {
		Stored full = stored(1, "Jamie Rivers");
		assertThat(found("I saw jamie  rivers today", full)).containsExactly("jamie  rivers");
		assertThat(found("Jamie went to the rivers", full)).isEmpty();
		assertThat(found("ends with Jamie", full)).isEmpty();
	}

	@Test
	void aNumberMatchesWrittenWithOrWithoutTheCountryCodeAndSpaces() {
		Stored number = stored(1, "+44 7700 900123");
		assertThat(found("call 07700 900123 tonight", number)).containsExactly("07700 900123");
		assertThat(found("or 07700900123", number)).containsExactly("07700900123");
		assertThat(found("day 45 of 90, 2024-05-01", number)).isEmpty();
	}

	@Test
	void hitsSayWhoseListTheyAreOnAndReplaceOnlyThose() {
		Stored mine = stored(1, "Jamie");
		Stored theirs = stored(2, "Rivers");
		String text = "Jamie said Rivers would call";
		List<Hit> hits = ExNameText.of(text).hits(List.of(mine, theirs), KEY);
		assertThat(hits).extracting(Hit::owner).containsExactly(1L, 2L);
		String replaced = ExNameText.replace(text, hits.stream().filter(h -> h.owner() == 1).toList(), "[name removed]");
		assertThat(replaced).isEqualTo("[name removed] said Rivers would call");
	}

	@Test
	void theLookupKeysAreEveryDistinctWordAndNumberOnce() {
		var keys = ExNameText.of("Sam and sam and 07700 900123").lookupKeys(KEY);
		assertThat(keys).contains("k(sam)", "k(and)", "k(700900123)").doesNotHaveDuplicates();
	}
}
