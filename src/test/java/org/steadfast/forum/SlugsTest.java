package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Mutual friends at a party|mutual-friends-at-a-party",
			"Day 1: I told them 'romance or nothing'|day-1-i-told-them-romance-or-nothing",
			"Café crème & naïve résumé|cafe-creme-naive-resume",
			"  --Weird   spacing--  |weird-spacing",
			"They’re back??|theyre-back",
			"💔💔💔|topic",
			"<script>alert(1)</script>|script-alert-1-script" })
	void makesReadableAsciiSlugs(String title, String slug) {
		assertThat(Slugs.slugify(title)).isEqualTo(slug);
	}

	@Test
	void cutsLongTitlesAtAWordBoundary() {
		String slug = Slugs.slugify("word ".repeat(60));
		assertThat(slug.length()).isLessThanOrEqualTo(80);
		assertThat(slug).doesNotEndWith("-").endsWith("word");
	}

	@Test
	void neverReturnsAnEmptySlug() {
		assertThat(Slugs.slugify(null)).isEqualTo("topic");
		assertThat(Slugs.slugify("   ")).isEqualTo("topic");
	}
}
