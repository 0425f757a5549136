package org.steadfast.search.internal;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;


class QueryTextTest {

	@Test
	void quotedPhrasesAreKeptApartFromTheWords() {
		QueryText q = QueryText.parse("mutual friends \"no contact\" party");
		assertThat(q.words()).containsExactly("mutual", "friends", "party");
		assertThat(q.phrases()).containsExactly("no contact");
	}

	@Test
	void curlyQuotesAndApostrophesCountAsTheirPlainForms() {
		QueryText q = QueryText.parse("“day one” can’t");
		assertThat(q.phrases()).containsExactly("day one");
		assertThat(q.words()).containsExactly("can't");
	}

	@Test
	void anUnbalancedQuoteIsJustAQuote() {
		QueryText q = QueryText.parse("\"they came back");
		assertThat(q.phrases()).isEmpty();
		assertThat(q.words()).containsExactly("they", "came", "back");
	}

	@Test
	void aQuotedSingleWordIsAWord() {
		assertThat(QueryText.parse("\"birthday\"").words()).containsExactly("birthday");
		assertThat(QueryText.parse("\"birthday\"").phrases()).isEmpty();
	}

	@Test
	void queryLanguageSyntaxIsNeverMoreThanWords() {
		for (String typed : List.of("(", ")", "*", "?", "\\", "~", "+-&&||!(){}[]^\"~*?:\\/", "*:*", "\"\"",
				"\"", "😀😀", "\u0000\u0001", "\uD800", "\u202E\u202C")) {
			QueryText q = QueryText.parse(typed);
			assertThat(q.isEmpty()).as(typed).isTrue();
		}
		assertThat(QueryText.parse("~2").words()).containsExactly("2");
		assertThat(QueryText.parse("title:foo AND bar*").words()).containsExactly("title", "foo", "AND", "bar");
		assertThat(QueryText.parse("field:[a TO z]").words()).containsExactly("field", "a", "TO", "z");
	}

	@Test
	void invisibleCharactersSplitWordsInsteadOfHidingInThem() {
		assertThat(QueryText.parse("evil\u202Eword").words()).containsExactly("evil", "word");
		assertThat(QueryText.parse("zero\u200Bwidth").words()).containsExactly("zero", "width");
	}

	@Test
	void otherScriptsAreWordsToo() {
		assertThat(QueryText.parse("שלום עולם").words()).containsExactly("שלום", "עולם");
		assertThat(QueryText.parse("مرحبا بالعالم").words()).containsExactly("مرحبا", "بالعالم");
		assertThat(QueryText.parse("café naïve").words()).containsExactly("café", "naïve");
	}

	@Test
	void longInputIsCutAndWordsAreCappedAndDeduplicated() {
		QueryText q = QueryText.parse("word ".repeat(400) + "other");
		assertThat(q.shown().length()).isLessThanOrEqualTo(QueryText.MAX_CHARS);
		assertThat(q.words()).containsExactly("word");
		QueryText many = QueryText.parse("a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13");
		assertThat(many.words()).hasSize(QueryText.MAX_WORDS);
		assertThat(QueryText.parse("Birthday birthday BIRTHDAY").words()).containsExactly("Birthday");
	}

	@Test
	void truncationNeverSplitsACharacter() {
		String text = "😀".repeat(300);
		assertThat(QueryText.parse(text).shown()).isEqualTo("😀".repeat(QueryText.MAX_CHARS));
	}

	@Test
	void stopWordsAreNotRequiredUnlessNothingElseWasTyped() {
		assertThat(QueryText.parse("what do I do on their birthday").meaningfulWords()).containsExactly("birthday");
		assertThat(QueryText.parse("what now").wordsToMatch()).containsExactly("now");
		assertThat(QueryText.parse("what do I do").wordsToMatch()).containsExactly("what", "do", "I");
	}

	@Test
	void blankInputIsEmpty() {
		assertThat(QueryText.parse(null).isEmpty()).isTrue();
		assertThat(QueryText.parse("  \t\n ").isEmpty()).isTrue();
		assertThat(QueryText.parse("  \t\n ").shown()).isEmpty();
	}

	@Test
	void aRespellingChangesOnlyTheMisspelledWholeWords() {
		QueryText q = QueryText.parse("Birthdy party, not birthdys \"no contact\"")
				.replacing(Map.of("birthdy", "birthday"));
		assertThat(q.shown()).isEqualTo("birthday party, not birthdys \"no contact\"");
		assertThat(q.phrases()).containsExactly("no contact");
	}
}
