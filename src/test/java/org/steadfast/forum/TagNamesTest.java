package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagNamesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Mutual Friends|mutual-friends",
			"  birthday |birthday",
			"social_media|social-media",
			"day  one -- again|day-one-again",
			"Éxito|exito",
			"30 days|30-days" })
	void normalisesWhatMembersType(String typed, String name) {
		assertThat(TagNames.normalize(typed).name()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "c++", "<script>", "no/contact", "emoji💔", "semi;colon", "nul\u0000", "rtl\u202Etag", "中文" })
	void refusesCharactersThatAreNotLettersDigitsSpacesOrHyphens(String typed) {
		assertThat(TagNames.normalize(typed).error()).isEqualTo("tags.characters");
	}

	@Test
	void checksLength() {
		assertThat(TagNames.normalize("a").error()).isEqualTo("tags.length");
		assertThat(TagNames.normalize("x".repeat(31)).error()).isEqualTo("tags.length");
		assertThat(TagNames.normalize("---").error()).isEqualTo("tags.length");
	}

	@Test
	void parsesACommaSeparatedListWithoutDuplicates() {
		var parsed = TagNames.parseList("Mutual Friends, birthday,mutual-friends, ,");
		assertThat(parsed.error()).isEmpty();
		assertThat(parsed.names()).containsExactly("mutual-friends", "birthday");
		assertThat(TagNames.parseList("").names()).isEmpty();
		assertThat(TagNames.parseList(null).names()).isEmpty();
	}

	@Test
	void allowsAtMostFiveTags() {
		assertThat(TagNames.parseList("a1, b2, c3, d4, e5").error()).isEmpty();
		assertThat(TagNames.parseList("a1, b2, c3, d4, e5, f6").error()).contains("tags.tooMany");
	}

	@Test
	void reportsTheFirstBadTag() {
		assertThat(TagNames.parseList("fine, <bad>").error()).contains("tags.characters");
	}
}
