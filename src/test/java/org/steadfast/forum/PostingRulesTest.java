package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostingRulesTest {

	@Test
	void titlesHaveFiveToOneHundredFiftyCharacters() {
		assertThat(PostingRules.checkTitle("Day 1")).isEmpty();
		assertThat(PostingRules.checkTitle("Day")).contains("title.length");
		assertThat(PostingRules.checkTitle("x".repeat(150))).isEmpty();
		assertThat(PostingRules.checkTitle("x".repeat(151))).contains("title.length");
		assertThat(PostingRules.checkTitle("   ")).contains("title.required");
		assertThat(PostingRules.checkTitle(null)).contains("title.required");
	}

	@Test
	void emojiCountAsOneCharacterInTitles() {
		assertThat(PostingRules.checkTitle("💔💔💔💔💔")).isEmpty();
		assertThat(PostingRules.checkTitle("💔".repeat(150))).isEmpty();
	}

	@Test
	void titlesRefuseControlCharactersOverridesAndLineBreaks() {
		assertThat(PostingRules.checkTitle("evil\u202Etitle here")).contains("text.forbiddenCharacters");
		assertThat(PostingRules.checkTitle("nul\u0000 in title")).contains("text.forbiddenCharacters");
		assertThat(PostingRules.checkTitle("two\nlines here")).contains("text.forbiddenCharacters");
	}

	@Test
	void bodiesHaveAtMostTwentyThousandCharacters() {
		assertThat(PostingRules.checkBody("x".repeat(20_000))).isEmpty();
		assertThat(PostingRules.checkBody("x".repeat(20_001))).contains("body.tooLong");
		assertThat(PostingRules.checkBody("\n \n")).contains("body.required");
		assertThat(PostingRules.checkBody("text with nul \u0000")).contains("text.forbiddenCharacters");
		assertThat(PostingRules.checkBody("multi\nline\r\nbody")).isEmpty();
	}

	@Test
	void theSameTextHashesTheSameWhateverTheLineEndings() {
		assertThat(PostingRules.bodyHash("Hello\r\nthere  ")).isEqualTo(PostingRules.bodyHash("Hello\nthere"));
		assertThat(PostingRules.bodyHash("Hello")).isNotEqualTo(PostingRules.bodyHash("Hello!"));
	}
}
