package org.steadfast.text;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;


class MentionsTest {

	/** Only "sam_b" and "kit-9" exist. */
	private static final Function<Set<String>, Set<String>> EXISTING = names -> {
		Set<String> known = new HashSet<>(names);
		known.retainAll(Set.of("sam_b", "kit-9"));
		return known;
	};

	private static String html(String markdown) {
		return Markdown.DEFAULT.render(markdown, EXISTING).html();
	}

	@Test
	void aMentionOfAnExistingMemberLinksToTheirProfile() {
		assertThat(html("Thanks @Sam_B, you helped."))
				.isEqualTo("<p>Thanks <a href=\"/u/Sam_B\" class=\"mention\" rel=\"nofollow ugc noopener\">&#64;Sam_B</a>, you helped.</p>\n");
	}

	@Test
	void unknownNamesEmailAddressesCodeAndLinksStayText() {
		assertThat(html("@nobody_here and me@kit-9.org")).doesNotContain("/u/").contains("mailto:me");
		assertThat(html("`@sam_b` and\n\n    @kit-9 in a block")).doesNotContain("/u/");
		assertThat(html("[@sam_b](https://example.org)")).doesNotContain("/u/").contains("https://example.org");
		assertThat(html("word@sam_b")).doesNotContain("/u/");
	}

	@Test
	void severalMentionsInOneLineAreAllLinked() {
		String html = html("@sam_b and @kit-9, and @someone.");
		assertThat(html).contains("href=\"/u/sam_b\"", "href=\"/u/kit-9\"").doesNotContain("/u/someone");
		assertThat(Markdown.DEFAULT.render("@sam_b and @kit-9", EXISTING).plainText()).isEqualTo("@sam_b and @kit-9");
	}

	@Test
	void membersCannotWriteRelativeLinksOrMentionClassesThemselves() {
		assertThat(html("[profile](/u/sam_b) and [settings](/settings/email)")).doesNotContain("href");
		assertThat(html("<a href=\"/u/sam_b\" class=\"mention\">x</a>")).doesNotContain("<a");
		// The sanitizer alone, attacked directly: only profile paths survive as relative links, and no other class.
		assertThat(Markdown.sanitize("<a href=\"/logout\" class=\"mention\">x</a>").html()).doesNotContain("href").doesNotContain("/logout");
		assertThat(Markdown.sanitize("<a href=\"/u/sam_b\" class=\"evil\" onclick=\"x()\">x</a>").html())
				.isEqualTo("<a href=\"/u/sam_b\" rel=\"nofollow ugc noopener\">x</a>");
		assertThat(Markdown.sanitize("<a href=\"/u/sam_b/../../admin\">x</a>").html()).doesNotContain("href");
		assertThat(Markdown.sanitize("<a href=\"javascript:alert(1)\" class=\"mention\">x</a>").html()).doesNotContain("javascript");
	}

	@Test
	void mentionsAndQuotedNamesAreFoundForNotifications() {
		assertThat(Markdown.DEFAULT.mentions("Hi @Sam_B, `@code` and @kit-9!")).containsExactly("sam_b", "kit-9");
		String reply = Markdown.quote("sam_b", "Day one.") + "Same here.";
		assertThat(Markdown.quotedNames(reply)).containsExactly("sam_b");
		assertThat(Markdown.quotedNames("> @kit-9 wrote:\nhello")).containsExactly("kit-9");
		assertThat(Markdown.quotedNames("I wrote: nothing")).isEmpty();
	}
}
