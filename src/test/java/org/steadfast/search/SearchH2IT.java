package org.steadfast.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Visibility;
import org.steadfast.support.IntegrationTest;

/**
 * The scenarios on H2, and the parts of search that do not depend on the database (query
 * parsing, typos, spelling, hostile input, similar topics), which need not run twice.
 */
@IntegrationTest
class SearchH2IT extends SearchScenarios {

	@Test
	void snippetsAreEscapedSoTypedMarkupNeverRuns() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("xauthor");
		topic(author, "Markup " + m, "I typed <script>alert('x')</script> and <img src=x onerror=alert(1)> " + m);
		String raw = mvc.perform(get("/search").param("q", m)).andReturn().getResponse().getContentAsString();
		assertThat(raw).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;");
		assertThat(raw).contains("<mark>" + m + "</mark>");
	}

	@Test
	void quotedPhrasesMatchOnlyAsTyped() {
		String m = marker();
		MemberPrincipal author = members.create("phrase");
		topic(author, "Day thirty " + m, "Thirty days of no contact today and I feel lighter. " + m);
		topic(author, "Mixed up " + m, "No, I made contact again today. " + m);
		assertThat(titles(guest(), "\"no contact\" " + m)).containsExactly("Day thirty " + m);
		// Other tests' public plans are called "No contact, for me ...": only this test's topics count here.
		assertThat(titles(guest(), "no contact " + m)).filteredOn(t -> t.endsWith(m)).hasSize(2);
	}

	@Test
	void aTypoStillFindsTheWord() {
		String m = marker();
		MemberPrincipal author = members.create("typo");
		topic(author, "Their birthday is next week " + m, "I dread the day. " + m);
		assertThat(titles(guest(), "birthdy " + m)).first().isEqualTo("Their birthday is next week " + m);
		assertThat(results(guest(), "birthdy " + m).hits().get(0).titleHtml()).contains("<mark>birthday</mark>");
	}

	@Test
	void whenNothingIsFoundASpellingThatFindsSomethingIsSuggested() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("spell");
		topic(author, "Origami evenings " + m, "Folding origami keeps my hands busy at night. " + m, "evenings");
		// Two slips in a short word are more than typo tolerance forgives, but not more than spelling suggests.
		SearchResults results = results(guest(), "orgmi");
		assertThat(results.total()).isZero();
		assertThat(results.suggestion()).isEqualTo("origami");
		assertThat(results.popularTags()).isNotEmpty();
		assertThat(page("orgmi")).contains("Nothing matched", "Did you mean", "origami", "Popular tags");
		assertThat(results(guest(), m + " orgmi").suggestion()).isEqualTo(m + " origami");
	}

	@Test
	void aSuggestionNeverRevealsAWordFromSomethingTheReaderMayNotRead() {
		String m = marker();
		MemberPrincipal author = members.create("secret");
		String secret = "pomegranate" + m.substring(2, 5);
		topic(author, "starting-out", TopicKind.PLAN, Visibility.PRIVATE, "My plan " + m,
				"Nobody may know about the " + secret + " " + m);
		String typo = secret.substring(0, 4) + secret.substring(5);
		assertThat(results(guest(), typo).suggestion()).isNull();
		assertThat(results(guest(), typo).total()).isZero();
		assertThat(results(as(author), typo).total()).isEqualTo(1);
		assertThat(results(as(author), typo).suggestion()).isEqualTo(secret);
	}

	@Test
	void hostileQueriesGiveANormalPage() throws Exception {
		List<String> queries = List.of("", "   ", "\t\n", "\"", "(", ")", "AND", "OR NOT", "*", "?", "\\", "~", "~2",
				"\"unbalanced quote", "a\"b\"c\"", "title:foo", "+-&&||!(){}[]^\"~*?:\\/", "😀😀😀", "🤍 birthday",
				"שלום עולם", "مرحبا بالعالم", "\u202Eevil\u202C", "\u0000\u0001", "%00", "' OR 1=1 --",
				"<script>alert(1)</script>", "a".repeat(2000), "word ".repeat(400), "\"" + "x ".repeat(300) + "\"",
				"\uD800", "*:*", "/regex.*/", "field:[a TO z]", "{{7*7}}", "${7*7}", "[[${7*7}]]");
		for (String q : queries) {
			mvc.perform(get("/search").param("q", q)).andExpect(status().isOk());
			mvc.perform(get("/search/similar").param("title", q)).andExpect(status().isOk());
		}
		mvc.perform(get("/search").param("q", "x").param("tag", "<b>", "", "a".repeat(100)).param("category", "../x")
				.param("kind", "nope").param("period", "forever").param("sort", "random").param("author", "\"")
				.param("mine", "maybe")).andExpect(status().isOk());
		String echoed = mvc.perform(get("/search").param("q", "<script>alert(1)</script>")).andReturn().getResponse()
				.getContentAsString();
		assertThat(echoed).doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void similarTopicsAreOfferedWhileComposingAndOnThePreviewPage() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("similar");
		MemberPrincipal writer = members.create("composer");
		topic(author, "Mutual friends invited us both " + m, "A party with mutual friends. " + m);
		topic(author, "starting-out", TopicKind.PLAN, Visibility.PRIVATE, "Private mutual friends plan " + m,
				"Private " + m);
		String fragment = html(mvc.perform(get("/search/similar").param("title", "mutual friends party " + m)
				.with(user(writer))).andExpect(status().isOk()));
		assertThat(fragment).contains("Mutual friends invited us both", "opens in a new tab")
				.doesNotContain("Private mutual friends plan", "<html");
		assertThat(html(mvc.perform(get("/search/similar").param("title", "the"))).strip()).isEmpty();

		String preview = html(mvc.perform(post("/t/new").with(user(writer)).with(csrf())
				.param("categoryId", String.valueOf(category("advice"))).param("title", "Mutual friends party " + m)
				.param("body", "What do I do?").param("tags", "").param("formToken", formTokens.issue(writer.id()))
				.param("preview", "1")).andExpect(status().isOk()));
		assertThat(preview).contains("Maybe this has been talked about already", "Mutual friends invited us both")
				.doesNotContain("Private mutual friends plan");
	}

	@Test
	void theHeaderSearchBoxIsOnEveryPage() throws Exception {
		for (String path : List.of("/", "/tags", "/help", "/login", "/search")) {
			String page = html(mvc.perform(get(path)).andExpect(status().isOk()));
			assertThat(page).as(path).contains("role=\"search\"", "action=\"/search\"", "id=\"site-search\"",
					"name=\"q\"");
		}
	}
}
