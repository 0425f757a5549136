package org.steadfast.plans.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlTest {

	@Test
	void escapesMarkupCharactersForTextAndAttributes() {
		assertThat(Xml.escape("a < b & c > d \"e\" 'f'")).isEqualTo("a &lt; b &amp; c &gt; d &quot;e&quot; &#39;f&#39;");
		assertThat(Xml.escape("&amp;")).as("escaped again, not trusted").isEqualTo("&amp;amp;");
	}

	@Test
	void leavesOrdinaryTextAloneIncludingEmoji() {
		String text = "Ruhig bleiben, Tag 12 💔 ok";
		assertThat(Xml.escape(text)).isSameAs(text);
	}

	@Test
	void dropsCharactersThatNoXmlDocumentMayContain() {
		assertThat(Xml.escape("nul\u0000bell\u0007 line\nok")).isEqualTo("nulbell line\nok");
		assertThat(Xml.escape("lone \uD83D surrogate")).isEqualTo("lone  surrogate");
		assertThat(Xml.escape("no \uFFFE or \uFFFF")).isEqualTo("no  or ");
		ChartTesting.parse("<t>" + Xml.escape("x\u0001\uDFFFy<") + "</t>");
	}

	@Test
	void roundsNumbersToOneDecimalWithoutTrailingZeros() {
		assertThat(Xml.num(3)).isEqualTo("3");
		assertThat(Xml.num(3.0000001)).isEqualTo("3");
		assertThat(Xml.num(27.15)).isEqualTo("27.2");
		assertThat(Xml.num(110.666)).isEqualTo("110.7");
		assertThat(Xml.num(-1.5)).isEqualTo("-1.5");
		assertThat(Xml.num(-0.04)).isEqualTo("0");
		assertThat(Xml.num(0.96)).isEqualTo("1");
	}

	@Test
	void fillsPlaceholdersAfterTheMessageSourceHasUnescapedApostrophes() {
		Labels labels = ChartTesting.labels("x", Locale.ENGLISH, Map.of("k", "Don''t {0}, {1} of {2}"));

		assertThat(labels.text("k", "worry", 3, 5)).isEqualTo("Don't worry, 3 of 5");
	}

	@Test
	void leavesBracesThatAreNotArgumentsAlone() {
		Labels labels = new Labels("x", Locale.ENGLISH, key -> "{9}, {x}, {}, {123}, {0} and { 0}");

		assertThat(labels.text("k", "a")).isEqualTo("{9}, {x}, {}, {123}, a and { 0}");
	}

	@Test
	void showsTheKeyWhenAMessageIsMissing() {
		assertThat(ChartTesting.labels("x").text("chart.nothing.here", 1)).isEqualTo("chart.nothing.here");
	}

	@Test
	void doesNotSubstituteIntoTheValuesItInserts() {
		Labels labels = ChartTesting.labels("x", Locale.ENGLISH, Map.of("k", "{0} {1}"));

		assertThat(labels.text("k", "{1}", "b")).isEqualTo("{1} b");
	}
}
