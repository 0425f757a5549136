package org.steadfast.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.CategoryService;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.TopicService.NewTopic;
import org.steadfast.support.Browser;
import org.steadfast.support.Members;
import org.steadfast.support.ServerTest;

@ServerTest
class SearchBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Members members;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryService categories;

	void topic(MemberPrincipal author, String title, String body, String tag) {
		topics.startTopic(author.id(), NewTopic.discussion(categories.bySlug("advice").orElseThrow().id(), title, body,
				List.of(tag)), formTokens.issue(author.id()));
	}

	@Test
	void aReaderSearchesFromTheHeaderOpensAResultNarrowsByATagAndIsOfferedSimilarTopicsWhileWriting() {
		String m = SearchScenarios.marker();
		MemberPrincipal author = members.create("bauthor");
		String birthday = "Birthday text from my ex " + m;
		String party = "Party with mutual friends " + m;
		topic(author, birthday, "They texted happy birthday after weeks of silence. " + m, "birthday");
		topic(author, party, "Everyone we know will be at the party. " + m, "mutual-friends");

		try (Browser browser = Browser.open(port)) {
			browser.go("/").type("site-search", m).press("Search");
			assertThat(browser.path()).isEqualTo("/search?q=" + m);
			assertThat(browser.text()).contains("2 topics for", birthday, party);
			assertThat(browser.driver().findElements(By.cssSelector(".result__title mark"))).isNotEmpty();

			browser.click(birthday);
			assertThat(browser.path()).startsWith("/t/");
			assertThat(browser.text()).contains("They texted happy birthday after weeks of silence.");

			browser.driver().navigate().back();
			browser.clickCss(".facet-list a[href*='tag=birthday']");
			assertThat(browser.text()).contains("1 topic for", birthday, "Tag: birthday").doesNotContain(party);
			assertThat(browser.driver().findElement(By.cssSelector(".facet-list a[aria-current=true]")).getText())
					.contains("birthday");

			String name = "writer" + m.substring(2, 8);
			browser.go("/register").type("username", name).type("email", name + "@example.org")
					.type("password", "walking away with dignity").select("timeZone", "Europe/Paris").press("Join");
		// Joining asks to check the inbox and sign in.
		browser.type("login", name).type("password", "walking away with dignity").press("Sign in");
			browser.go("/t/new").type("title", "Mutual friends throwing a party " + m);
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("similar-topics"), party));
			assertThat(browser.driver().findElement(By.cssSelector("#similar-topics a")).getDomAttribute("target"))
					.isEqualTo("_blank");
		}
	}

	@Test
	void aPostWhoseTextReadsAsAMetaRefreshLeavesTheReaderOnTheResultsPage() throws InterruptedException {
		String m = SearchScenarios.marker();
		MemberPrincipal author = members.create("brefresh");
		// The same site on another path: a redirect, were it to happen, lands on a page that answers.
		String elsewhere = "http://127.0.0.1:" + port + "/help";
		String vector = "&lt;meta http-equiv=&quot;refresh&quot; content=&quot;0;url=" + elsewhere + "&quot;&gt;";
		topic(author, "Sign in again " + m + "title", vector + " nothing else", "refresh-" + m);
		topic(author, "Sign in again " + m, vector + " " + m, "refresh-" + m);

		try (Browser browser = Browser.open(port)) {
			for (String query : List.of("/search?q=" + m, "/search?q=" + m + "title", "/search?tag=refresh-" + m,
					"/search?tag=refresh-" + m + "&category=advice")) {
				browser.go(query);
				Thread.sleep(1_500); // a refresh of 0 s would have left by now
				assertThat(browser.path()).as(query).isEqualTo(query);
				assertThat(browser.text()).as(query).contains("<meta http-equiv=\"refresh\" content=\"0;url=" + elsewhere);
				assertThat(browser.driver().findElements(By.cssSelector("main meta"))).as(query).isEmpty();
			}
		}
	}
}
