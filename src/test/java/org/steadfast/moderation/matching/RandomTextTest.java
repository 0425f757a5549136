package org.steadfast.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.steadfast.moderation.matching.WatchedWord.Action;
import org.steadfast.moderation.matching.WatchedWordMatcher.Match;

/**
 * Posts are arbitrary Unicode, lone surrogates included, so every matcher is run over random text
 * built from the characters that make folding and spans tricky, checking that nothing throws and
 * that every span lies on code point boundaries of the original.
 */
class RandomTextTest {

	private static final String[] PIECES = { "a", "b", "d", "x", "l", "i", "1", "4", "0", "@", "$", "!", ".", "-", " ",
			"  ", "\n", "'", "’", "(", ")", "+", ":", "/", "\u200B", "\u00AD", "\u202E", "\u0301", "\u0308", "\u0430",
			"\u03B1", "ａ", "ｂ", "ß", "ﬁ", "İ", "😀", "\uD835\uDC1B", "👩‍👩‍👧", "\uD800", "\uDC00", "\u3164", "dot", "at",
			"bad", "darn", "ex", "kill", "myself", "ig", "instagram.com/", "x.com/", "555", "7700", "2026", "com" };

	private static final WatchedWordMatcher MATCHER = new WatchedWordMatcher(List.of(
			new WatchedWord(1, "bad", Action.BLOCK, null), new WatchedWord(2, "darn", Action.REPLACE, "[x]"),
			new WatchedWord(3, "kill myself", Action.REQUIRE_APPROVAL, null), new WatchedWord(4, "ex", Action.FLAG, null),
			new WatchedWord(5, "ab", Action.REPLACE, "¶")));
	private static final CrisisDetector CRISIS = CrisisDetector.withDefaultPhrases();
	private static final PersonalInfoDetector PERSONAL_INFO = new PersonalInfoDetector();

	static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		int pieces = random.nextInt(60);
		for (int i = 0; i < pieces; i++) {
			text.append(PIECES[random.nextInt(PIECES.length)]);
		}
		return text.toString();
	}

	@RepeatedTest(200)
	void spansAlwaysLieOnCodePointBoundariesOfTheOriginal(RepetitionInfo repetition) {
		Random random = new Random(repetition.getCurrentRepetition());
		for (int i = 0; i < 25; i++) {
			String text = randomText(random);
			for (Match match : MATCHER.find(text)) {
				assertSpan(text, match.start(), match.end());
			}
			String replaced = MATCHER.replaceAll(text);
			assertThat(MATCHER.find(replaced)).noneMatch(match -> match.word().action() == Action.REPLACE
					&& match.in(replaced).chars().noneMatch(c -> c == '[' || c == '¶'));
			CRISIS.matchedPhrases(text);
			for (PersonalInfoDetector.Located found : PERSONAL_INFO.locate(text)) {
				assertSpan(text, found.start(), found.end());
				assertThat(found.finding().excerpt()).isEqualTo(text.substring(found.start(), found.end()));
			}
			FoldedText folded = Normalizer.foldWithOffsets(text);
			int previous = 0;
			for (int k = 0; k < folded.length(); k++) {
				assertThat(folded.originalStart(k)).isGreaterThanOrEqualTo(previous);
				assertThat(folded.originalEnd(k + 1)).isGreaterThan(folded.originalStart(k)).isLessThanOrEqualTo(text.length());
				previous = folded.originalStart(k);
			}
			assertThat(folded.originalSlice(3, 3)).isEmpty();
		}
	}

	private static void assertSpan(String text, int start, int end) {
		assertThat(start).isBetween(0, text.length());
		assertThat(end).isBetween(start + 1, text.length());
		assertThat(start == 0 || !Character.isLowSurrogate(text.charAt(start)) || !Character.isHighSurrogate(text.charAt(start - 1)))
				.as("start splits a surrogate pair in %s", text).isTrue();
		assertThat(end == text.length() || !Character.isLowSurrogate(text.charAt(end)) || !Character.isHighSurrogate(text.charAt(end - 1)))
				.as("end splits a surrogate pair in %s", text).isTrue();
	}
}
