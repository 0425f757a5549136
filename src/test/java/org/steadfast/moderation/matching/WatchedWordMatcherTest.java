package org.steadfast.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.steadfast.moderation.matching.WatchedWord.Action;
import org.steadfast.moderation.matching.WatchedWordMatcher.Match;

class WatchedWordMatcherTest {

	static WatchedWord word(long id, String phrase, Action action) {
		return new WatchedWord(id, phrase, action, null);
	}

	static WatchedWord replace(long id, String phrase, String replacement) {
		return new WatchedWord(id, phrase, Action.REPLACE, replacement);
	}

	static WatchedWordMatcher matcher(WatchedWord... words) {
		return new WatchedWordMatcher(List.of(words));
	}

	static List<String> matchedTexts(WatchedWordMatcher matcher, String text) {
		return matcher.find(text).stream().map(match -> match.in(text)).toList();
	}

	// Whole words.

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "next", "text", "exit", "Tex", "index", "flex", "ex2", "exes", "sex", "reflex." })
	void aShortPhraseNeverMatchesInsideALongerWord(String text) {
		assertThat(matcher(word(1, "ex", Action.FLAG)).find(text)).isEmpty();
	}

	static Stream<Arguments> wholeWords() {
		return Stream.of(
				arguments("my ex called", "ex"),
				arguments("EX", "EX"),
				arguments("Ex.", "Ex"),
				arguments("my ex's number", "ex"),
				arguments("my ex’s number", "ex"),
				arguments("(ex)", "ex"),
				arguments("ex-boyfriend", "ex"),
				arguments("\"ex\"", "ex"),
				arguments("ex\n", "ex"),
				arguments("my ｅｘ", "ｅｘ"),
				arguments("my \u0435x", "\u0435x"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wholeWords")
	void aPhraseMatchesTheWholeWordWhateverSurroundsIt(String text, String matched) {
		assertThat(matchedTexts(matcher(word(1, "ex", Action.FLAG)), text)).containsExactly(matched);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"bad", "BAD", "Bad", "bAd",
			"ＢＡＤ", "ｂａｄ",
			"b\u0430d", "\u0412\u0410\u0044", "b\u03B1d", "\u0392\u0391D",
			"b\u200Bad", "b\u00ADad", "b\u2060ad", "b\uFEFFad", "b\u202Ead", "\u2066bad\u2069",
			"bád", "bäd", "BÂD", "b\u0301ad",
			"\uD835\uDC1B\uD835\uDC1A\uD835\uDC1D",
			"b4d", "B@D", "b4\u200Bd",
			"b a d", "b.a.d", "b-a-d", "B. A. D.", "b_a_d", "b \u0430 d",
	})
	void disguisedWordsStillMatch(String text) {
		assertThat(matcher(word(1, "bad", Action.BLOCK)).find(text)).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "badge", "abad", "b a d x", "x b a d", "b a\nd", "b    a    d", "ba d", "bd", "b'a'd" })
	void spelledOutLettersMatchOnlyAsAWholeRun(String text) {
		assertThat(matcher(word(1, "bad", Action.BLOCK)).find(text)).isEmpty();
	}

	@Test
	void spelledOutLettersDoNotHideTheSingleLetterWordsOfAPhrase() {
		assertThat(matcher(word(1, "plan b", Action.FLAG)).find("on to plan b a week later")).hasSize(1);
	}

	@Test
	void thePhraseIsFoldedTooSoModeratorsMayTypeItAnyWay() {
		WatchedWordMatcher matcher = matcher(word(1, "  ＢÄD\u200B ", Action.BLOCK));
		assertThat(matcher.find("that was bad")).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"k1ll|kill",
			"ki11|kill",
			"KILL|kill",
			"$hit|shit",
			"5h1t|shit",
			"sh!t|shit",
			"@ss|ass",
	})
	void leetspeakMatchesWatchedWords(String text, String phrase) {
		assertThat(matcher(word(1, phrase, Action.BLOCK)).find("oh " + text + " again")).hasSize(1);
	}

	@Test
	void leetspeakDoesNotStopPlainPunctuationFromSeparatingWords() {
		WatchedWordMatcher matcher = matcher(word(1, "idiot", Action.FLAG), word(2, "bad", Action.FLAG));
		assertThat(matchedTexts(matcher, "@idiot, so bad!")).containsExactly("idiot", "bad");
	}

	@Test
	void numbersInAPhraseMatchTheSameNumbers() {
		assertThat(matcher(word(1, "4chan", Action.FLAG)).find("saw it on 4chan")).hasSize(1);
		assertThat(matcher(word(1, "420", Action.FLAG)).find("420")).hasSize(1);
		assertThat(matcher(word(1, "420", Action.FLAG)).find("aeo")).isEmpty();
	}

	// Phrases of several words.

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
			"kill myself", "Kill   Myself", "kill,\nmyself", "kill... myself", "KILL-MYSELF", "kill 🔪 myself",
			"kill\r\n\r\nmyself", "kill\tmyself", "k1ll mys3lf", "kill\u200B myself", "k i l l myself", "kill «myself»"
	})
	void multiWordPhrasesMatchAcrossAnySeparators(String text) {
		assertThat(matcher(word(1, "kill myself", Action.REQUIRE_APPROVAL)).find("to " + text + " today")).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "kill yourself", "skill myself", "kill myselfie", "kill me myself", "myself kill" })
	void multiWordPhrasesNeedEveryWordInOrder(String text) {
		assertThat(matcher(word(1, "kill myself", Action.REQUIRE_APPROVAL)).find(text)).isEmpty();
	}

	@Test
	void aPhraseWithAnApostropheAlsoMatchesWithoutOne() {
		WatchedWordMatcher matcher = matcher(word(1, "can't stand", Action.FLAG));
		assertThat(matcher.find("I can't stand it")).hasSize(1);
		assertThat(matcher.find("I can’t stand it")).hasSize(1);
		assertThat(matcher.find("I cant stand it")).hasSize(1);
		assertThat(matcher.find("I can stand it")).isEmpty();
	}

	@Test
	void matchesAreSpansOfTheOriginalTextInOrderLongestFirst() {
		WatchedWord kill = word(1, "kill", Action.FLAG);
		WatchedWord killMyself = word(2, "kill myself", Action.BLOCK);
		String text = "😀 I'd KILL\u200B myself, kill";
		List<Match> matches = matcher(kill, killMyself).find(text);
		assertThat(matches).extracting(Match::word).containsExactly(killMyself, kill, kill);
		assertThat(matches).extracting(match -> match.in(text)).containsExactly("KILL\u200B myself", "KILL", "kill");
		assertThat(matches.get(0).start()).isEqualTo(text.indexOf("KILL"));
		assertThat(matches.get(2).end()).isEqualTo(text.length());
	}

	@Test
	void findsPhrasesThatOverlapNestOrRestartInsideEachOther() {
		WatchedWordMatcher matcher = matcher(word(1, "no no contact", Action.FLAG), word(2, "no contact", Action.FLAG),
				word(3, "contact him", Action.FLAG), word(4, "no", Action.FLAG), word(5, "no no no contact him today", Action.FLAG));
		String text = "no no no contact him today";
		assertThat(matcher.find(text)).extracting(match -> match.word().id() + ":" + match.in(text)).containsExactly(
				"5:no no no contact him today", "4:no", "1:no no contact", "4:no", "2:no contact", "4:no",
				"3:contact him");
	}

	@Test
	void severalWatchedWordsWithTheSamePhraseAllMatch() {
		WatchedWord flag = word(1, "bad", Action.FLAG);
		WatchedWord block = word(2, "BAD", Action.BLOCK);
		assertThat(matcher(flag, block).find("bad")).extracting(Match::word).containsExactlyInAnyOrder(flag, block);
	}

	@Test
	void aTextWordMatchesOnceEvenWhenSeveralReadingsFindIt() {
		assertThat(matcher(word(1, "bad", Action.FLAG)).find("bad")).hasSize(1);
	}

	@ParameterizedTest(name = "[{0}]")
	@ValueSource(strings = { "", "   ", "!!!", "🔪", "\u200B" })
	void phrasesWithoutWordsNeverMatch(String phrase) {
		assertThat(matcher(word(1, phrase, Action.BLOCK)).find("!!! 🔪 \u200B anything")).isEmpty();
	}

	@Test
	void noTextNoMatches() {
		WatchedWordMatcher matcher = matcher(word(1, "bad", Action.BLOCK));
		assertThat(matcher.find(null)).isEmpty();
		assertThat(matcher.find("")).isEmpty();
		assertThat(new WatchedWordMatcher(List.of()).find("bad")).isEmpty();
	}

	// Replacing.

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"Oh darn 😀 it|Oh d*** 😀 it",
			"😀𝐝𝐚𝐫𝐧😀|😀d***😀",
			"👩‍👩‍👧 ｄａｒｎ 👩‍👩‍👧|👩‍👩‍👧 d*** 👩‍👩‍👧",
			"d\u200Barn!|d***!",
			"DARN, darn, Darn|d***, d***, d***",
			"d a r n|d***",
			"d4rn|d***",
			"darned darning|darned darning",
			"\uD83C\uDDEC\uD83C\uDDE7 dárn \uD83C\uDDEC\uD83C\uDDE7|\uD83C\uDDEC\uD83C\uDDE7 d*** \uD83C\uDDEC\uD83C\uDDE7",
	})
	void replacementKeepsEverythingAroundTheMatchAsTyped(String text, String expected) {
		assertThat(matcher(replace(1, "darn", "d***")).replaceAll(text)).isEqualTo(expected);
	}

	@Test
	void replacementTakesAStrippedAccentWithTheWord() {
		assertThat(matcher(replace(1, "cafe", "coffee")).replaceAll("un cafe\u0301 noir")).isEqualTo("un coffee noir");
	}

	@Test
	void overlappingReplacementsPreferTheLeftmostThenTheLongest() {
		WatchedWordMatcher matcher = matcher(replace(1, "darn", "d***"), replace(2, "darn it", "oh well"),
				replace(3, "it all", "everything"));
		assertThat(matcher.replaceAll("darn it all, darn")).isEqualTo("oh well all, d***");
	}

	@Test
	void onlyReplaceActionsAreReplaced() {
		WatchedWordMatcher matcher = matcher(word(1, "bad", Action.BLOCK), word(2, "meh", Action.FLAG),
				replace(3, "darn", "d***"));
		assertThat(matcher.replaceAll("bad meh darn")).isEqualTo("bad meh d***");
		assertThat(matcher.replaceAll("nothing here")).isEqualTo("nothing here");
		assertThat(matcher.replaceAll(null)).isNull();
	}

	@Test
	void aReplaceWordWithoutReplacementRemovesTheMatch() {
		assertThat(matcher(replace(1, "darn", null)).replaceAll("oh darn!")).isEqualTo("oh !");
	}

	// Strongest action.

	@Test
	void strongestActionIsBlockThenApprovalThenFlagThenReplace() {
		WatchedWordMatcher matcher = matcher(word(1, "aa", Action.REPLACE), word(2, "bb", Action.FLAG),
				word(3, "cc", Action.REQUIRE_APPROVAL), word(4, "dd", Action.BLOCK));
		assertThat(matcher.strongest(matcher.find("aa bb cc dd"))).contains(Action.BLOCK);
		assertThat(matcher.strongest(matcher.find("aa bb cc"))).contains(Action.REQUIRE_APPROVAL);
		assertThat(matcher.strongest(matcher.find("cc aa"))).contains(Action.REQUIRE_APPROVAL);
		assertThat(matcher.strongest(matcher.find("bb aa"))).contains(Action.FLAG);
		assertThat(matcher.strongest(matcher.find("aa"))).contains(Action.REPLACE);
		assertThat(matcher.strongest(matcher.find("nothing"))).isEmpty();
		assertThat(matcher.strongest(null)).isEmpty();
	}

	// Sharing and rebuilding.

	@Test
	void theMatcherKeepsItsOwnCopyOfTheList() {
		List<WatchedWord> words = new ArrayList<>(List.of(word(1, "bad", Action.BLOCK)));
		WatchedWordMatcher matcher = new WatchedWordMatcher(words);
		words.add(word(2, "worse", Action.BLOCK));
		assertThat(matcher.find("worse")).isEmpty();
		assertThat(matcher.words()).hasSize(1);
	}

	@Test
	void oneMatcherServesManyThreads() throws Exception {
		WatchedWordMatcher matcher = new WatchedWordMatcher(phrases(500));
		String text = nearMisses(2_000) + " phrase252 word252 again";
		List<Match> expected = matcher.find(text);
		assertThat(expected).isNotEmpty();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<List<Match>>> results = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				results.add(pool.submit(() -> matcher.find(text)));
			}
			for (Future<List<Match>> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	// Adversarial input.

	static List<WatchedWord> phrases(int count) {
		List<WatchedWord> words = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Action action = Action.values()[i % Action.values().length];
			String phrase = switch (i % 5) {
				case 0 -> "a".repeat(1 + i / 5);
				case 1 -> "a a a a a a a a a a a a a a a a a a a a b" + i;
				case 2 -> "phrase" + i + " word" + i;
				case 3 -> "a" + "!".repeat(i % 7) + "b" + i;
				default -> "k1ll" + i + " mys3lf";
			};
			words.add(new WatchedWord(i, phrase, action, "[x]"));
		}
		return words;
	}

	static String nearMisses(int repeats) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < repeats && text.length() < 20_000; i++) {
			text.append("phrase").append(i % 500).append(' ').append("wor").append(i % 500).append(' ');
		}
		return text.toString();
	}

	static List<String> adversarialTexts() {
		return List.of(
				"a".repeat(20_000),
				"a ".repeat(10_000),
				"aaaa!".repeat(4_000),
				"a!".repeat(10_000),
				"a a a a a a a a a a a a a a a a a a a a c ".repeat(20_000 / 42 + 1),
				"\u200B".repeat(20_000),
				"a\u0301".repeat(10_000),
				"\u0430".repeat(20_000),
				"😀".repeat(10_000),
				"k1ll ".repeat(4_000),
				nearMisses(10_000));
	}

	@Test
	void adversarialTextIsMatchedWellUnderATenthOfASecond() {
		WatchedWordMatcher matcher = new WatchedWordMatcher(phrases(500));
		for (String text : adversarialTexts()) {
			assertThat(text.length()).isGreaterThanOrEqualTo(20_000);
			assertThat(Timing.bestOfMillis(() -> matcher.find(text))).as("find %s...", text.substring(0, 20)).isLessThan(100);
			assertThat(Timing.bestOfMillis(() -> matcher.replaceAll(text))).as("replaceAll %s...", text.substring(0, 20))
					.isLessThan(100);
		}
	}
}
