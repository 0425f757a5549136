package org.steadfast.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steadfast.search.internal.Synonyms.Slot;

class SynonymsTest {

	private final Synonyms synonyms = Synonyms.parse("""
			# a comment
			relapse, slip, broke no contact
			came back, reached out
			""");

	private List<Slot> slots(String typed) {
		return QueryText.parse(typed).slots(synonyms);
	}

	@Test
	void aKnownPhraseBecomesOneSlotWithItsSynonyms() {
		assertThat(slots("I broke no contact again")).containsExactly(
				new Slot("broke no contact", List.of("relapse", "slip")), new Slot("again", List.of()));
	}

	@Test
	void aKnownWordBringsItsPhrases() {
		assertThat(slots("relapse")).containsExactly(new Slot("relapse", List.of("slip", "broke no contact")));
	}

	@Test
	void stopWordsOutsideAPhraseAreLeftOutAndUnknownWordsStayAsTyped() {
		assertThat(slots("they came back at Christmas")).containsExactly(
				new Slot("came back", List.of("reached out")), new Slot("Christmas", List.of()));
	}

	@Test
	void onlyStopWordsAreStillSearched() {
		assertThat(slots("what now")).containsExactly(new Slot("now", List.of()));
		assertThat(slots("it is what it is")).extracting(Slot::typed).containsExactly("it", "is", "what");
	}

	@Test
	void theForumsListLoads() {
		assertThat(QueryText.parse("I relapsed").slots(Synonyms.load("/search/synonyms.txt")))
				.extracting(Slot::typed).containsExactly("relapsed");
		assertThat(QueryText.parse("relapse").slots(Synonyms.load("/search/synonyms.txt")).get(0).alternatives())
				.contains("slip");
	}
}
