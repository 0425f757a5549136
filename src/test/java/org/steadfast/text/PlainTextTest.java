package org.steadfast.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

	@Test
	void findsControlCharactersAndDirectionOverrides() {
		assertThat(PlainText.hasForbiddenCharacters("plain words")).isFalse();
		assertThat(PlainText.hasForbiddenCharacters("emoji 💔 are fine")).isFalse();
		assertThat(PlainText.hasForbiddenCharacters("nul\u0000")).isTrue();
		assertThat(PlainText.hasForbiddenCharacters("bell\u0007")).isTrue();
		assertThat(PlainText.hasForbiddenCharacters("evil\u202Etxt.exe")).isTrue();
		assertThat(PlainText.hasForbiddenCharacters("isolate\u2066x\u2069")).isTrue();
		assertThat(PlainText.hasForbiddenCharacters("line\nbreak")).isFalse();
	}

	@Test
	void countsCodePointsNotUtf16Units() {
		assertThat(PlainText.length("💔💔")).isEqualTo(2);
		assertThat("💔💔".length()).isEqualTo(4);
	}

	@Test
	void normalisesToComposedFormAndTrims() {
		assertThat(PlainText.normalize("  e\u0301  ")).isEqualTo("\u00e9");
		assertThat(PlainText.normalize(null)).isEmpty();
	}
}
