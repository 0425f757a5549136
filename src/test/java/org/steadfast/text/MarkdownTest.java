package org.steadfast.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.owasp.html.Encoding;

class MarkdownTest {

	/** A well-formed tag as the sanitizer writes it: lower-case name, double-quoted attributes. */
	private static final Pattern TAG = Pattern.compile("<(/?)([a-z0-9]+)((?:\\s+[a-z-]+=\"[^\"]*\")*)\\s*/?>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");

	private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "br", "hr", "em", "strong", "del", "s",
			"blockquote", "ul", "ol", "li", "code", "pre", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr",
			"th", "td", "a");

	private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("href", "rel", "align", "start");

	private static final List<String> FORBIDDEN_TAGS = List.of("<script", "<iframe", "<svg", "<style", "<img",
			"<object", "<embed", "<form", "<input", "<base", "<meta", "<math", "<link", "<body", "<details", "<h1",
			"<h2");

	private static final String REL = "rel=\"nofollow ugc noopener\"";

	private static String html(String markdown) {
		return Markdown.DEFAULT.render(markdown).html();
	}

	@Test
	void emphasisStrongAndCodeRender() {
		assertThat(html("*soft* and **firm** and `x < y`"))
				.isEqualTo("<p><em>soft</em> and <strong>firm</strong> and <code>x &lt; y</code></p>\n");
	}

	@Test
	void strikethroughWithOneOrTwoTildesRendersAsDel() {
		assertThat(html("~~gone~~ and ~also~")).contains("<del>gone</del>").contains("<del>also</del>");
	}

	@Test
	void bulletedAndNumberedListsRender() {
		assertThat(html("- one\n- two\n\n1. first\n2. second"))
				.contains("<ul><li>one</li><li>two</li></ul>")
				.contains("<ol><li>first</li><li>second</li></ol>");
	}

	@Test
	void numberedListKeepsItsStartingNumber() {
		assertThat(html("3. third\n4. fourth")).contains("<ol start=\"3\">");
	}

	@Test
	void tablesRenderWithColumnAlignment() {
		String html = html("| Day | Mood | Hours |\n|:--|:-:|--:|\n| Mon | ok | 7 |");

		assertThat(html).startsWith("<table><thead><tr><th align=\"left\">Day</th><th align=\"center\">Mood</th>")
				.contains("<tbody><tr><td align=\"left\">Mon</td><td align=\"center\">ok</td><td align=\"right\">7</td></tr></tbody></table>");
	}

	@Test
	void blockquotesAndRulesRender() {
		assertThat(html("> you are not alone\n\n---")).contains("<blockquote>\n<p>you are not alone</p>\n</blockquote>")
				.contains("<hr />");
	}

	@Test
	void fencedCodeKeepsItsTextButLosesTheLanguageClass() {
		assertThat(html("```html\n<b>bold</b>\n```"))
				.isEqualTo("<pre><code>&lt;b&gt;bold&lt;/b&gt;\n</code></pre>\n");
	}

	@Test
	void bareUrlsWwwAddressesAndEmailsBecomeLinks() {
		String html = html("See https://example.org/help, www.example.com or write to care@example.net");

		assertThat(html).contains("<a href=\"https://example.org/help\" " + REL + ">https://example.org/help</a>")
				.contains("<a href=\"http://www.example.com\" " + REL + ">www.example.com</a>")
				.contains("<a href=\"mailto:care&#64;example.net\" " + REL + ">care&#64;example.net</a>");
	}

	@Test
	void headingsAreShiftedBelowThePagesOwnH1AndH2() {
		String html = html("# One\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six");

		assertThat(html).contains("<h3>One</h3>", "<h4>Two</h4>", "<h5>Three</h5>", "<h6>Four</h6>", "<h6>Six</h6>")
				.doesNotContain("<h1", "<h2");
	}

	@Test
	void setextHeadingsAreShiftedToo() {
		assertThat(html("Title\n=====\n\nSub\n---")).contains("<h3>Title</h3>", "<h4>Sub</h4>");
	}

	@Test
	void everyLinkIsMarkedNofollowUgcNoopenerAndNeverOpensANewWindow() {
		String html = html("[inline](https://example.org \"title\") [ref][r] <https://example.net> [mail](mailto:a@example.org)\n\n"
				+ "[r]: http://example.com");

		assertThat(Pattern.compile("<a ").matcher(html).results()).hasSize(4);
		assertThat(Pattern.compile("<a href=\"[^\"]+\" " + REL + ">").matcher(html).results()).hasSize(4);
		assertThat(html).doesNotContain("target=", "title=");
	}

	@Test
	void relativeAndUnknownSchemeLinksShowTheirTextWithoutALink() {
		assertThat(html("[home](/topics/1) [up](../x) [ftp](ftp://example.org/f) [tel](tel:123) [frag](#top)"))
				.isEqualTo("<p>home up ftp tel frag</p>\n");
	}

	@Test
	void imagesBecomeLinksToTheImageWithTheAltTextAsLinkText() {
		assertThat(html("![a calm lake](https://example.org/lake.jpg \"Lake\")"))
				.isEqualTo("<p><a href=\"https://example.org/lake.jpg\" " + REL + ">a calm lake</a></p>\n");
	}

	@Test
	void imageWithoutAltTextLinksWithItsUrl() {
		assertThat(html("![](http://example.org/x.png)"))
				.contains("<a href=\"http://example.org/x.png\" " + REL + ">http://example.org/x.png</a>");
	}

	@Test
	void imageWithFormattedAltTextLinksWithItsPlainWords() {
		assertThat(html("![a *very* `calm` lake](https://example.org/lake.jpg)"))
				.contains(">a very calm lake</a>");
	}

	@Test
	void imageWithANonWebUrlShowsOnlyItsAltText() {
		assertThat(html("![kitten](/uploads/k.png) ![mail](mailto:a@example.org) ![pic](ftp://example.org/p.png)"))
				.isEqualTo("<p>kitten mail pic</p>\n");
	}

	@Test
	void imageInsideALinkBecomesTextSoLinksDoNotNest() {
		assertThat(html("[![badge](https://example.org/b.svg)](https://example.org)"))
				.isEqualTo("<p><a href=\"https://example.org\" " + REL + ">badge</a></p>\n");
	}

	@Test
	void rawHtmlIsShownAsTextNotInterpreted() {
		RenderedText rendered = Markdown.DEFAULT.render("<b>bold</b> and\n\n<div>\n*still markdown*\n</div>");

		assertThat(rendered.html()).contains("&lt;b&gt;bold&lt;/b&gt; and").contains("<em>still markdown</em>")
				.doesNotContain("<b>", "<div>");
		assertThat(rendered.plainText()).isEqualTo("<b>bold</b> and <div> still markdown </div>");
	}

	@Test
	void plainTextIsTheVisibleTextWithWhitespaceCollapsed() {
		RenderedText rendered = Markdown.DEFAULT.render("# Hello\n\nSome *very*   **kind**\nwords &amp; a [link](https://example.org).\n\n"
				+ "- one\n- two\n\n| a | b |\n|---|---|\n| c | d |");

		assertThat(rendered.plainText()).isEqualTo("Hello Some very kind words & a link. one two a b c d");
	}

	@Test
	void plainTextKeepsCharactersThatHtmlEscapes() {
		assertThat(Markdown.DEFAULT.render("1 < 2 & \"quotes\" 'too' = fine @ home").plainText())
				.isEqualTo("1 < 2 & \"quotes\" 'too' = fine @ home");
	}

	@Test
	void nullAndBlankSourcesRenderAsEmpty() {
		assertThat(Markdown.DEFAULT.render(null)).isEqualTo(new RenderedText("", ""));
		assertThat(Markdown.DEFAULT.render("  \n\t\n")).isEqualTo(new RenderedText("", ""));
	}

	@Test
	void nulCharactersDoNotCrashAndDoNotReachTheOutput() {
		RenderedText rendered = Markdown.DEFAULT.render("a\0b *c\0* [x\0](https://example.org/\0)\0");

		assertThat(rendered.html()).doesNotContain("\0").contains("<em>");
		assertThat(rendered.plainText()).doesNotContain("\0").startsWith("a");
	}

	@Test
	void aTwentyThousandCharacterPostRenders() {
		String paragraph = "Some **bold** text with a https://example.org/link and `code` in it.\n\n";
		String source = paragraph.repeat(20_000 / paragraph.length() + 1).substring(0, 20_000);

		RenderedText rendered = Markdown.DEFAULT.render(source);

		assertThat(source).hasSize(20_000);
		assertThat(rendered.html()).startsWith("<p>Some <strong>bold</strong>").contains("<code>code</code>");
		assertThat(rendered.plainText()).hasSizeGreaterThan(15_000);
	}

	@Test
	void deeplyNestedMarkupRendersWithoutOverflowingTheStack() {
		String source = ">".repeat(15_000) + " deep " + "*".repeat(2_000) + "[".repeat(2_000) + "<".repeat(1_000);

		assertThat(Markdown.DEFAULT.render(source).plainText()).contains("deep ***").endsWith("<<<");
	}

	@Test
	void oneInstanceRendersCorrectlyFromManyThreads() {
		List<String> expected = IntStream.range(0, 200).mapToObj(i -> html("post " + i + " with *emphasis*")).toList();

		List<String> parallel = IntStream.range(0, 200).parallel()
				.mapToObj(i -> html("post " + i + " with *emphasis*")).toList();

		assertThat(parallel).isEqualTo(expected);
	}

	@Test
	void sanitizerAloneStripsWhatCommonMarkWouldNeverProduce() {
		RenderedText rendered = Markdown.sanitize("<h1 id=\"x\" class=\"big\" style=\"color:red\">Hi</h1>"
				+ "<p onclick=\"alert(1)\">para</p><img src=\"https://example.org/i.png\">"
				+ "<a href=\"javascript:alert(1)\">bad</a><a href=\"/relative\">rel</a>"
				+ "<a href=\"https://example.org\" target=\"_blank\" rel=\"opener\" title=\"t\">ok</a><script>alert(2)</script>");

		assertThat(rendered.html()).isEqualTo("Hi<p>para</p>badrel<a href=\"https://example.org\" " + REL + ">ok</a>");
		assertThat(rendered.plainText()).isEqualTo("Hi para badrelok");
	}

	@Test
	void quotePrefixesEveryLineAndEndsWithABlankLine() {
		assertThat(Markdown.quote("bob", "first line\nsecond line"))
				.isEqualTo("> @bob wrote:\n> first line\n> second line\n\n");
	}

	@Test
	void quoteKeepsParagraphBreaksNestedQuotesAndWindowsLineEndings() {
		assertThat(Markdown.quote("ana-k", "\n\npara one\r\n\r\n> earlier\r\nlast  \n\n"))
				.isEqualTo("> @ana-k wrote:\n> para one\n>\n> > earlier\n> last\n\n");
	}

	@Test
	void quoteKeepsTheIndentationOfALeadingCodeBlock() {
		assertThat(Markdown.quote("bob", "    code()")).isEqualTo("> @bob wrote:\n>     code()\n\n");
	}

	@Test
	void quotedNameCannotTurnIntoEmphasis() {
		String quote = Markdown.quote("_bob_", "hi");

		assertThat(quote).startsWith("> @\\_bob\\_ wrote:\n");
		assertThat(html(quote)).contains("&#64;_bob_ wrote:").doesNotContain("<em>");
	}

	@Test
	void quoteOfAnEmptyPostIsJustTheAttribution() {
		assertThat(Markdown.quote("bob", null)).isEqualTo("> @bob wrote:\n\n");
	}

	@Test
	void quoteRendersAsABlockquoteWithTheOriginalFormatting() {
		String html = html(Markdown.quote("bob", "**hang in there**\n\n- one") + "Thanks!");

		assertThat(html).startsWith("<blockquote>\n<p>&#64;bob wrote:\n<strong>hang in there</strong></p>")
				.contains("<li>one</li>")
				.endsWith("</blockquote>\n<p>Thanks!</p>\n");
	}

	static List<String> xssVectors() {
		return List.of(
				"<script>alert(1)</script>",
				"<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
				"<scr<script>ipt>alert(1)</script>",
				"<<script>alert(1)//<</script>",
				"<img src=x onerror=alert(1)>",
				"<IMG SRC=JaVaScRiPt:alert('XSS')>",
				"<img src=\"x",
				"<svg onload=alert(1)>",
				"<svg><script>alert(1)</script></svg>",
				"<iframe src=\"javascript:alert(1)\"></iframe>",
				"<object data=\"javascript:alert(1)\"></object>",
				"<embed src=\"javascript:alert(1)\">",
				"<style>body{background:url(javascript:alert(1))}</style>",
				"<body onload=alert(1)>",
				"<details open ontoggle=alert(1)>",
				"<link rel=stylesheet href=https://evil.example/x.css>",
				"<div style=\"width:expression(alert(1))\">x</div>",
				"<p style=\"background:url(javascript:alert(1))\" class=\"x\" id=\"y\">x</p>",
				"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
				"<form action=\"javascript:alert(1)\"><input type=submit></form>",
				"<input autofocus onfocus=alert(1)>",
				"<base href=\"javascript:alert(1)//\">",
				"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
				"<a href=\"javascript:alert(1)\">x</a>",
				"<a href=\"&#106;avascript:alert(1)\">x</a>",
				"<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
				"<!-- --><script>alert(1)</script>",
				"<![CDATA[<script>alert(1)</script>]]>",
				"[x](javascript:alert(1))",
				"[x](JaVaScRiPt:alert(1))",
				"[x](jav&#x09;ascript:alert(1))",
				"[x](jav\tascript:alert(1))",
				"[x](<jav\tascript:alert(1)>)",
				"[x](&#106;avascript:alert(1))",
				"[x](&#x6A;&#x61;vascript:alert(1))",
				"[x](javascript&colon;alert(1))",
				"[x](  javascript:alert(1)  )",
				"[x](\0javascript:alert(1))",
				"[x](java\nscript:alert(1))",
				"[x](vbscript:msgbox(1))",
				"[x](VBScript:msgbox(1))",
				"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
				"[x](data:text/html,<script>alert(1)</script>)",
				"![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
				"![x](javascript:alert(1))",
				"![x](https://ok.example/i.png\"onerror=\"alert(1))",
				"![a\" onerror=\"alert(1)](https://ok.example/i.png)",
				"<javascript:alert(1)>",
				"<JavaScript:alert(1)>",
				"<data:text/html,alert(1)>",
				"[x][r]\n\n[r]: javascript:alert(1)",
				"[x][r]\n\n[r]: <JAVASCRIPT:alert(1)> \"t\"",
				"![x][r]\n\n[r]: data:image/png;base64,AAAA",
				"[x](https://ok.example\"onmouseover=\"alert(1))",
				"[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
				"https://ok.example/\"onmouseover=\"alert(1)",
				"www.ok.example/'onmouseover='alert(1)",
				"[<img src=x onerror=alert(1)>](https://ok.example)",
				"`<script>alert(1)</script>`",
				"| <script>alert(1)</script> |\n|---|\n| [x](javascript:alert(1)) |");
	}

	@ParameterizedTest
	@MethodSource("xssVectors")
	void xssVectorProducesOnlyAllowlistedMarkup(String vector) {
		String html = html(vector);
		String lower = html.toLowerCase(Locale.ROOT);

		assertThat(FORBIDDEN_TAGS).noneMatch(lower::contains);
		assertThat(lower).doesNotContain("style=", "class=", "id=", "target=", "src=");
		assertThat(Pattern.compile("<[^>]*\\son\\w+\\s*=").matcher(lower).find()).isFalse();
		assertOnlyAllowlistedMarkup(html);
	}

	@ParameterizedTest
	@MethodSource("xssVectors")
	void xssVectorInsideOtherMarkdownIsStillNeutralised(String vector) {
		assertOnlyAllowlistedMarkup(html("> **quoted:** " + vector + "\n\n- item " + vector.replace("\n", " ")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "data:text/html,x", "vbscript:x", "http://ok.example", "/x" })
	void sanitizerAloneRefusesEverythingButWebAndMailLinks(String url) {
		String html = Markdown.sanitize("<a href=\"" + url + "\">x</a>").html();

		assertThat(html).isEqualTo(url.startsWith("http") ? "<a href=\"" + url + "\" " + REL + ">x</a>" : "x");
	}

	/**
	 * Stronger than looking for known-bad strings: every tag must be one the sanitizer writes,
	 * with allowlisted names and attributes, and no stray angle bracket may be left between tags.
	 */
	private static void assertOnlyAllowlistedMarkup(String html) {
		Matcher tag = TAG.matcher(html);
		StringBuilder between = new StringBuilder();
		int end = 0;
		while (tag.find()) {
			between.append(html, end, tag.start());
			end = tag.end();
			assertThat(ALLOWED_ELEMENTS).as("element in %s", html).contains(tag.group(2));
			Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
			while (attribute.find()) {
				assertThat(ALLOWED_ATTRIBUTES).as("attribute in %s", html).contains(attribute.group(1));
				if (attribute.group(1).equals("href")) {
					assertThat(Encoding.decodeHtml(attribute.group(2), true)).as("href in %s", html)
							.matches("(?i)(https?://|mailto:)\\S+")
							.doesNotContainPattern("(?i)(javascript|vbscript|data):");
				}
			}
		}
		between.append(html.substring(end));
		assertThat(between.toString()).as("text between tags of %s", html).doesNotContain("<", ">");
	}
}
