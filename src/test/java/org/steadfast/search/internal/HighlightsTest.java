package org.steadfast.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlightsTest {

	@Test
	void textIsEscapedAndOnlyTheMatchesAreMarked() {
		assertThat(Highlights.toHtml("<meta http-equiv=\"refresh\" content='0;url=x'> & \uE000blocked\uE001 them"))
				.isEqualTo("&lt;meta http-equiv=&quot;refresh&quot; content=&#39;0;url=x&#39;&gt; &amp; <mark>blocked</mark> them");
	}

	@Test
	void entitiesInTheTextStayText() {
		assertThat(Highlights.toHtml("&lt;a href=x&gt;")).isEqualTo("&amp;lt;a href=x&amp;gt;");
	}

	@Test
	void strayMarkersInTheTextNeverLeaveAMarkOpenOrCloseOneOutOfTurn() {
		assertThat(Highlights.toHtml("a\uE001b\uE000c")).isEqualTo("ab<mark>c</mark>");
		assertThat(Highlights.toHtml("\uE000a\uE000b\uE001\uE001")).isEqualTo("<mark>ab</mark>");
	}

	@Test
	void anOpeningIsCutOnRawTextAndThenEscaped() {
		String text = "x".repeat(Snippets.LENGTH - 8) + " a <b>bold</b> word";
		assertThat(Highlights.toHtml(Snippets.opening(text))).doesNotContain("<b").endsWith(" a &lt;b&gt;bold&lt;/b&gt;…");
	}
}
