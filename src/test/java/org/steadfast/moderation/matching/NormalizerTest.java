package org.steadfast.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizerTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"bad", "BAD", "Bad",
			"ＢＡＤ", "ｂａｄ",
			"b\u0430d", "\u0412\u0410D", "b\u03B1d", "\u0392\u0391D",
			"b\u200Bad", "b\u200Cad", "b\u200Dad", "b\u200Ead", "b\u200Fad", "b\u2060ad", "b\u2064ad", "b\uFEFFad",
			"b\u00ADad", "b\u202Aad", "b\u202Ead", "b\u2066ad", "b\u2069ad",
			"bád", "bä\u0301d", "b\u0301a\u0308d", "BÀD",
			"\uD835\uDC1B\uD835\uDC1A\uD835\uDC1D", "ⓑⓐⓓ"
	})
	void everyDisguiseOfAWordFoldsToThePlainWord(String disguised) {
		assertThat(Normalizer.fold(disguised)).isEqualTo("bad");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			"Crème Brûlée, creme brulee",
			"İstanbul, istanbul",
			"Straße, strasse",
			"ﬁne, fine",
			"Łódź, lodz",
			"Søren, soren",
			"\u0441\u043E\u0440\u0443, copy",
			"\u0455\u0430\u0455\u0455, sass",
			"\u03BF\u03BA, ok",
			"\u0445\u0456, xi",
			"Ｈｅｌｌｏ　Ｗｏｒｌｄ, hello world",
	})
	void foldsAccentsLookAlikesAndCompatibilityForms(String text, String folded) {
		assertThat(Normalizer.fold(text)).isEqualTo(folded);
	}

	@Test
	void keepsDigitsSymbolsAndSpacingSoNumbersStayNumbers() {
		assertThat(Normalizer.fold("+44 7700 900123, $1,200 & 47 days!")).isEqualTo("+44 7700 900123, $1,200 & 47 days!");
		assertThat(Normalizer.fold("b4d")).isEqualTo("b4d");
	}

	@Test
	void nullFoldsToEmpty() {
		assertThat(Normalizer.fold(null)).isEmpty();
		assertThat(Normalizer.foldLeet(null)).isEmpty();
	}

	@ParameterizedTest(name = "{0} ~ {1}")
	@CsvSource({
			"b4d, bad",
			"B@D, bad",
			"$h1t, shit",
			"5h17, shit",
			"k1ll, kill",
			"ki11, kill",
			"k!ll, kill",
			"k|ll, kill",
			"h3ll0, hello",
	})
	void leetReadsDigitsAndSymbolsAsLetters(String leet, String plain) {
		assertThat(Normalizer.foldLeet(leet)).isEqualTo(Normalizer.foldLeet(plain));
	}

	@Test
	void leetWritesEveryReadingOfOneAsI() {
		assertThat(Normalizer.foldLeet("k1ll")).isEqualTo("kiii");
		assertThat(Normalizer.foldLeet("b4d")).isEqualTo("bad");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "47 days", "$1,200", "+44 7700 900123", "2026-11-25", "at 10:30", "3 out of 10", "@ 5", "!!!" })
	void leetLeavesNumbersWithoutLettersAlone(String text) {
		assertThat(Normalizer.foldLeet(text)).isEqualTo(Normalizer.fold(text));
	}

	@Test
	void offsetsLeadBackToTheOriginalThroughSurrogatesLigaturesAndInvisibleCharacters() {
		String original = "😀\uD835\uDC1B\uD835\uDC1A\uD835\uDC1D😀 ﬁ\u200Bx cafe\u0301!";
		FoldedText folded = Normalizer.foldWithOffsets(original);
		String text = folded.text();
		assertThat(text).isEqualTo("😀bad😀 fix cafe!");

		int bad = text.indexOf("bad");
		assertThat(folded.originalSlice(bad, bad + 3)).isEqualTo("\uD835\uDC1B\uD835\uDC1A\uD835\uDC1D");

		int fix = text.indexOf("fix");
		assertThat(folded.originalSlice(fix, fix + 3)).isEqualTo("ﬁ\u200Bx");
		assertThat(folded.originalSlice(fix, fix + 1)).isEqualTo("ﬁ");

		int cafe = text.indexOf("cafe");
		assertThat(folded.originalSlice(cafe, cafe + 4)).isEqualTo("cafe\u0301");
		assertThat(folded.originalSlice(text.length() - 1, text.length())).isEqualTo("!");
	}

	@Test
	void leetOffsetsAreThoseOfThePlainFold() {
		FoldedText folded = Normalizer.foldLeetWithOffsets("ｂ4ｄ");
		assertThat(folded.text()).isEqualTo("bad");
		assertThat(folded.originalSlice(0, 3)).isEqualTo("ｂ4ｄ");
	}
}
