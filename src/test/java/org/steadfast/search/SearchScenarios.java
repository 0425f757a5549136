package org.steadfast.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.forum.CategoryService;
import org.steadfast.forum.ContentStatus;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.ForumFixtures;
import org.steadfast.forum.Post;
import org.steadfast.forum.TagService;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.TopicService.NewTopic;
import org.steadfast.forum.Viewer;
import org.steadfast.forum.Visibility;
import org.steadfast.search.SearchRequest.Period;
import org.steadfast.search.SearchRequest.Sort;
import org.steadfast.search.SearchResults.FacetValue;
import org.steadfast.search.SearchResults.Hit;
import org.steadfast.support.Members;
import org.steadfast.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * Search as readers use it, on H2 ({@link SearchH2IT}) and MariaDB ({@link SearchMariaDbIT}). Each
 * test writes its own made-up marker word into what it creates and searches for it, so tests
 * sharing a database see only their own topics.
 */
abstract class SearchScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	TopicService topics;

	@Autowired
	TagService tags;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryService categories;

	@Autowired
	ForumFixtures fixtures;

	@Autowired
	ForumSearch search;

	@Autowired
	MemberService memberService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	private static final Random RANDOM = new Random();

	/** A word no text contains by chance: "zq" and eight random letters. */
	static String marker() {
		StringBuilder word = new StringBuilder("zq");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + RANDOM.nextInt(26)));
		}
		return word.toString();
	}

	long category(String slug) {
		return categories.bySlug(slug).orElseThrow().id();
	}

	Topic topic(MemberPrincipal author, String title, String body, String... tagNames) {
		return topic(author, "starting-out", TopicKind.DISCUSSION, Visibility.PUBLIC, title, body, tagNames);
	}

	Topic topic(MemberPrincipal author, String category, TopicKind kind, Visibility visibility, String title,
			String body, String... tagNames) {
		return topics.startTopic(author.id(),
				new NewTopic(category(category), title, body, List.of(tagNames), kind, visibility),
				formTokens.issue(author.id()));
	}

	Post reply(MemberPrincipal author, Topic topic, String body) {
		return topics.reply(topic.getId(), author.id(), false, body, formTokens.issue(author.id()));
	}

	static Searcher guest() {
		return Searcher.of(Viewer.GUEST);
	}

	static Searcher as(MemberPrincipal member) {
		return Searcher.of(new Viewer(member.id(), member.isStaff()));
	}

	SearchResults results(Searcher searcher, String text) {
		return search.search(SearchRequest.of(text), searcher);
	}

	List<String> titles(Searcher searcher, String text) {
		return results(searcher, text).hits().stream().map(h -> h.topic().title()).toList();
	}

	static List<String> values(List<FacetValue> facet) {
		return facet.stream().map(FacetValue::value).toList();
	}

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	String page(String query) throws Exception {
		return html(mvc.perform(get("/search").param("q", query)).andExpect(status().isOk()));
	}

	@Test
	void everyoneFindsExactlyWhatTheyMayReadInResultsCountsFacetsAndSnippets() {
		String m = marker();
		MemberPrincipal author = members.create("vauthor");
		MemberPrincipal member = members.create("vmember");
		MemberPrincipal staff = members.admin("vstaff");
		Topic open = topic(author, "starting-out", TopicKind.DISCUSSION, Visibility.PUBLIC, "Public " + m,
				"Everyone may read " + m, "vis-public");
		topic(author, "starting-out", TopicKind.DISCUSSION, Visibility.MEMBERS, "Members " + m,
				"Signed-in members read " + m, "vis-members");
		topic(author, "daily-check-ins", TopicKind.PLAN, Visibility.PARTNER, "Partner plan " + m,
				"My partner and I read " + m, "vis-partner");
		topic(author, "daily-check-ins", TopicKind.PLAN, Visibility.PRIVATE, "Private plan " + m,
				"Only I read " + m, "vis-private");
		Topic pending = topic(author, "starting-out", TopicKind.DISCUSSION, Visibility.PUBLIC, "Pending " + m,
				"Waiting for approval " + m, "vis-pending");
		Topic hidden = topic(author, "starting-out", TopicKind.DISCUSSION, Visibility.PUBLIC, "Hidden " + m,
				"Hidden by a moderator " + m, "vis-hidden");
		Topic deleted = topic(author, "starting-out", TopicKind.DISCUSSION, Visibility.PUBLIC, "Deleted " + m,
				"Deleted " + m, "vis-deleted");
		fixtures.setTopicStatus(pending.getId(), ContentStatus.PENDING);
		fixtures.setTopicStatus(hidden.getId(), ContentStatus.HIDDEN);
		fixtures.setTopicStatus(deleted.getId(), ContentStatus.DELETED);
		String hiddenWord = marker();
		String deletedWord = marker();
		String pendingWord = marker();
		fixtures.setPostStatus(reply(member, open, m + " hidden reply " + hiddenWord).getId(), ContentStatus.HIDDEN);
		fixtures.setPostStatus(reply(member, open, m + " deleted reply " + deletedWord).getId(), ContentStatus.DELETED);
		fixtures.setPostStatus(reply(author, open, m + " pending reply " + pendingWord).getId(), ContentStatus.PENDING);

		assertThat(titles(guest(), m)).containsExactly("Public " + m);
		assertThat(titles(as(member), m)).containsExactlyInAnyOrder("Public " + m, "Members " + m);
		assertThat(titles(as(staff), m)).containsExactlyInAnyOrder("Public " + m, "Members " + m);
		assertThat(titles(as(author), m)).containsExactlyInAnyOrder("Public " + m, "Members " + m,
				"Partner plan " + m, "Private plan " + m, "Pending " + m);

		SearchResults forGuest = results(guest(), m);
		assertThat(forGuest.total()).isEqualTo(1);
		assertThat(values(forGuest.facets().tags())).containsExactly("vis-public");
		assertThat(values(forGuest.facets().kinds())).containsExactly("DISCUSSION");
		SearchResults forMember = results(as(member), m);
		assertThat(forMember.total()).isEqualTo(2);
		assertThat(values(forMember.facets().tags())).containsExactlyInAnyOrder("vis-public", "vis-members");
		SearchResults forAuthor = results(as(author), m);
		assertThat(forAuthor.total()).isEqualTo(5);
		assertThat(values(forAuthor.facets().kinds())).containsExactlyInAnyOrder("DISCUSSION", "PLAN");

		for (Searcher searcher : List.of(guest(), as(member), as(staff), as(author))) {
			assertThat(results(searcher, hiddenWord).total()).as("hidden post").isZero();
			assertThat(results(searcher, deletedWord).total()).as("deleted post").isZero();
			for (Hit hit : results(searcher, m + " reply").hits()) {
				assertThat(hit.snippetHtml()).doesNotContain(hiddenWord, deletedWord);
			}
		}
		assertThat(titles(as(author), pendingWord)).containsExactly("Public " + m);
		assertThat(results(as(member), pendingWord).total()).isZero();
		assertThat(results(guest(), pendingWord).total()).isZero();
		assertThat(results(as(member), m + " reply").hits()).allSatisfy(
				hit -> assertThat(hit.snippetHtml()).doesNotContain(pendingWord));
		assertThat(values(results(guest(), "").popularTags())).doesNotContain("vis-members", "vis-partner",
				"vis-private", "vis-pending", "vis-hidden", "vis-deleted");
	}

	@Test
	void theSearchPageShowsGuestsOnlyPublicTopicsAndTheirCounts() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("pauthor");
		topic(author, "advice", TopicKind.DISCUSSION, Visibility.PUBLIC, "Open question " + m, "About the question " + m,
				"page-open");
		topic(author, "advice", TopicKind.PLAN, Visibility.PRIVATE, "My private plan " + m, "About " + m,
				"page-private");
		String page = page(m);
		assertThat(page).contains("Open question", "1 topic for “", "page-open")
				.doesNotContain("My private plan", "page-private");
		String own = html(mvc.perform(get("/search").param("q", m).with(user(author))));
		assertThat(own).contains("Open question", "My private plan", "2 topics for “", "page-private");
	}

	@Test
	void contentOfMembersBlockedEitherWayIsNeverFound() throws Exception {
		String m = marker();
		MemberPrincipal blocker = members.create("blocker");
		MemberPrincipal replier = members.create("replier");
		MemberPrincipal starter = members.create("starter");
		MemberPrincipal reader = members.create("reader");
		topic(blocker, "Started by the blocker " + m, "Their words " + m);
		Topic other = topic(starter, "Started by someone else " + m, "Kind words " + m);
		String replyWord = marker();
		reply(replier, other, "A reply with " + replyWord + " and " + m);
		assertThat(titles(as(reader), m)).hasSize(2);

		memberService.block(blocker.id(), reader.id());
		memberService.block(reader.id(), replier.id());
		Searcher hiding = search.searcher(new Viewer(reader.id(), false));
		assertThat(hiding.hiddenAuthors()).containsExactlyInAnyOrder(blocker.id(), replier.id());
		assertThat(titles(hiding, m)).containsExactly("Started by someone else " + m);
		assertThat(results(hiding, m).total()).isEqualTo(1);
		assertThat(results(hiding, replyWord).total()).isZero();
		assertThat(results(hiding, m + " reply").hits()).allSatisfy(
				hit -> assertThat(hit.snippetHtml()).doesNotContain(replyWord));
		String page = html(mvc.perform(get("/search").param("q", m).with(user(reader))));
		assertThat(page).contains("1 topic for", "Started by someone else").doesNotContain("Started by the blocker",
				replyWord);
		// Hidden authors are the reader's own: others still find them.
		assertThat(titles(as(starter), m)).hasSize(2);
	}

	@Test
	void aPhraseIsFoundWithinOnePostAndAPendingOneOnlyByItsAuthor() {
		String m = marker();
		String first = marker();
		String second = marker();
		MemberPrincipal author = members.create("phauthor");
		MemberPrincipal member = members.create("phmember");
		Topic apart = topic(author, "Words apart " + m, "The first post ends with " + first);
		reply(author, apart, second + " opens the second post.");
		Topic together = topic(author, "Words together " + m, "Here " + first + " " + second + " stand together.");
		String pendingFirst = marker();
		String pendingSecond = marker();
		fixtures.setPostStatus(reply(author, together, "Awaiting approval: " + pendingFirst + " " + pendingSecond).getId(),
				ContentStatus.PENDING);

		// Both words are in "Words apart", but in two posts: only the post that has them in this order counts.
		assertThat(titles(guest(), "\"" + first + " " + second + "\"")).containsExactly("Words together " + m);
		assertThat(titles(guest(), first + " " + second)).containsExactlyInAnyOrder("Words apart " + m,
				"Words together " + m);
		assertThat(titles(guest(), "\"" + second + " " + first + "\"")).isEmpty();
		// Three words and more: each pair of them in order, one after the other.
		assertThat(titles(guest(), "\"here " + first + " " + second + " stand\"")).containsExactly("Words together " + m);
		assertThat(titles(guest(), "\"here " + first + " stand\"")).isEmpty();

		String pendingPhrase = "\"" + pendingFirst + " " + pendingSecond + "\"";
		assertThat(titles(as(author), pendingPhrase)).containsExactly("Words together " + m);
		assertThat(results(as(member), pendingPhrase).total()).isZero();
		assertThat(results(guest(), pendingPhrase).total()).isZero();
	}

	@Test
	void resultsAreOnePerTopicWithTheBestPostHighlightedAndLinked() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("gauthor");
		MemberPrincipal friend = members.create("gfriend");
		Topic topic = topic(author, "Surviving the holidays " + m, "The first weeks are the hardest.");
		reply(friend, topic, "Plan your evenings ahead, " + m + " helps.");
		reply(author, topic, "Thank you, that is good advice.");
		reply(friend, topic, "Bake a cake for yourself on the worst " + m + " evening and call a friend.");

		SearchResults results = results(guest(), m + " cake");
		assertThat(results.hits()).hasSize(1);
		Hit hit = results.hits().get(0);
		assertThat(hit.titleHtml()).contains("<mark>" + m + "</mark>");
		assertThat(hit.snippetHtml()).contains("<mark>cake</mark>");
		assertThat(hit.postNumber()).isEqualTo(4);
		assertThat(hit.postHref()).isEqualTo("/t/" + topic.getId() + "/" + topic.getSlug() + "#post-4");

		String page = page(m + " cake");
		assertThat(page).contains("<mark>cake</mark>", "Go to the matching reply (3)", "#post-4");
	}

	@Test
	void facetsCountTheMatchesAndFiltersNarrowThem() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("facets");
		MemberPrincipal other = members.create("facet2");
		topic(author, "advice", TopicKind.DISCUSSION, Visibility.PUBLIC, "Birthday one " + m, "Text one " + m, "birthday");
		topic(author, "advice", TopicKind.DISCUSSION, Visibility.PUBLIC, "Birthday two " + m, "Text two " + m, "birthday",
				"urges");
		topic(other, "advice", TopicKind.DISCUSSION, Visibility.PUBLIC, "Birthday three " + m, "Text three " + m, "birthday");
		topic(other, "slips-and-fresh-starts", TopicKind.PLAN, Visibility.PUBLIC, "Slipped " + m, "Text four " + m, "slip");

		SearchResults all = results(guest(), m);
		assertThat(all.total()).isEqualTo(4);
		assertThat(all.facets().tags()).extracting(FacetValue::value, FacetValue::count)
				.containsExactly(tuple("birthday", 3L),
						tuple("slip", 1L), tuple("urges", 1L));
		assertThat(all.facets().categories()).extracting(FacetValue::value, FacetValue::count)
				.containsExactly(tuple("advice", 3L),
						tuple("slips-and-fresh-starts", 1L));
		assertThat(all.facets().kinds()).extracting(FacetValue::value, FacetValue::count)
				.containsExactlyInAnyOrder(tuple("DISCUSSION", 3L),
						tuple("PLAN", 1L));
		assertThat(all.facets().periods()).extracting(FacetValue::value, FacetValue::count)
				.containsExactly(tuple("WEEK", 4L),
						tuple("MONTH", 4L), tuple("YEAR", 4L));

		assertThat(search.search(new SearchRequest(m, List.of("birthday", "urges"), null, null, null, false,
				Period.ANY, Sort.RELEVANCE, 1), guest()).total()).isEqualTo(1);
		assertThat(search.search(new SearchRequest(m, List.of(), "slips-and-fresh-starts", null, null, false,
				Period.ANY, Sort.RELEVANCE, 1), guest()).total()).isEqualTo(1);
		assertThat(search.search(new SearchRequest(m, List.of(), null, TopicKind.PLAN, null, false,
				Period.WEEK, Sort.RELEVANCE, 1), guest()).total()).isEqualTo(1);
		assertThat(search.search(new SearchRequest(m, List.of(), null, null, other.username(), false,
				Period.ANY, Sort.RELEVANCE, 1), guest()).total()).isEqualTo(2);
		assertThat(search.search(new SearchRequest(m, List.of(), null, null, null, true,
				Period.ANY, Sort.RELEVANCE, 1), as(author)).total()).isEqualTo(2);
		assertThat(search.search(new SearchRequest("", List.of(), null, null, null, true,
				Period.ANY, Sort.RELEVANCE, 1), as(other)).hits()).extracting(h -> h.topic().title())
				.contains("Birthday three " + m, "Slipped " + m);
		assertThat(search.search(new SearchRequest(m, List.of(), "no-such-category", null, null, false,
				Period.ANY, Sort.RELEVANCE, 1), guest()).total()).isZero();
		assertThat(search.search(new SearchRequest(m, List.of(), null, null, "nobody-at-all", false,
				Period.ANY, Sort.RELEVANCE, 1), guest()).state()).isEqualTo(SearchResults.State.UNKNOWN_AUTHOR);

		String page = html(mvc.perform(get("/search").param("q", m).param("tag", "birthday")));
		assertThat(page).contains("3 topics for “", "Tag: birthday", "Remove all filters", "aria-current=\"true\"")
				.doesNotContain("Slipped " + m);
		String everyFilter = html(mvc.perform(get("/search").param("q", m).param("tag", "slip")
				.param("category", "slips-and-fresh-starts").param("kind", "plan").param("period", "week")
				.param("mine", "1").with(user(other))).andExpect(status().isOk()));
		assertThat(everyFilter).contains("Slipped <mark>" + m, "Category: Slips and fresh starts", "Plans and check-ins",
				"In the past week", "Only my posts", "Remove the filter Only my posts");
		String byAuthor = html(mvc.perform(get("/search").param("q", m).param("author", other.username())));
		assertThat(byAuthor).contains("Posted by " + other.username(), "2 topics for “");
	}

	@Test
	void theTagFacetShowsTheMostUsedTagsWithTiesAtTheCutBrokenByNameAndTheirCurrentNames() {
		String m = marker();
		MemberPrincipal author = members.create("tagcut");
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= 14; i++) {
			names.add(String.format("%s-%02d", m, i));
		}
		topic(author, "Tags one " + m, "First text " + m, names.subList(0, 5).toArray(String[]::new));
		topic(author, "Tags two " + m, "Second text " + m, names.subList(5, 10).toArray(String[]::new));
		topic(author, "Tags three " + m, "Third text " + m, names.get(10), names.get(11), names.get(12), names.get(13),
				names.get(0));

		List<FacetValue> facet = results(guest(), m).facets().tags();
		assertThat(facet).hasSize(ForumSearch.TAG_FACETS);
		assertThat(facet.get(0)).extracting(FacetValue::value, FacetValue::count).containsExactly(names.get(0), 2L);
		// Thirteen tags are tied at one topic each: the first eleven by name fill the facet.
		assertThat(values(facet.subList(1, facet.size()))).containsExactlyElementsOf(names.subList(1, 12));

		jdbc.update("update tag set name = ? where name = ?", m + "-renamed", names.get(0));
		assertThat(values(results(guest(), m).facets().tags())).startsWith(m + "-renamed");
	}

	@Test
	void newestFirstFollowsTheLatestReplyAndPagesAreNumbered() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("pages");
		Topic oldest = topic(author, "Number 0 " + m, "Text " + m);
		for (int i = 1; i < 12; i++) {
			topic(author, "Number " + i + " " + m, "Text " + i + " " + m);
		}
		reply(author, oldest, "Bumping this one " + m);
		SearchRequest newest = new SearchRequest(m, List.of(), null, null, null, false, Period.ANY, Sort.NEWEST, 1);
		SearchResults first = search.search(newest, guest());
		assertThat(first.total()).isEqualTo(12);
		assertThat(first.pages()).isEqualTo(2);
		assertThat(first.hits()).hasSize(ForumSearch.PAGE_SIZE);
		assertThat(first.hits().get(0).topic().title()).isEqualTo("Number 0 " + m);
		assertThat(first.hits().get(1).topic().title()).isEqualTo("Number 11 " + m);
		SearchResults second = search.search(newest.withPage(2), guest());
		assertThat(second.hits()).hasSize(2);
		assertThat(search.search(newest.withPage(99), guest()).page()).isEqualTo(2);

		String page = html(mvc.perform(get("/search").param("q", m).param("sort", "newest").param("page", "2")));
		assertThat(page).contains("aria-current=\"page\" aria-label=\"Page 2\"", "rel=\"prev\"", "Newest activity");
		for (String bad : List.of("-3", "0", "abc", "99999999999", "1e3", "")) {
			mvc.perform(get("/search").param("q", m).param("page", bad)).andExpect(status().isOk());
		}
	}

	@Test
	void theIndexFollowsEditsDeletionsRetitlesAndTagRenames() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("follow");
		MemberPrincipal admin = members.admin("followmod");
		String tag = "tg" + m.substring(2, 8);
		Topic topic = topic(author, "Before the edit " + m, "Original words " + m, tag);
		String before = marker();
		String after = marker();
		Post reply = reply(author, topic, "A reply about " + before);
		assertThat(titles(guest(), before)).hasSize(1);

		long version = jdbc.queryForObject("select version from post where id = ?", Long.class, reply.getId());
		topics.edit(reply.getId(), author.id(), false, null, "A reply about " + after, version);
		assertThat(results(guest(), before).total()).isZero();
		assertThat(results(guest(), after).total()).isEqualTo(1);

		topics.delete(reply.getId(), author.id(), false);
		assertThat(results(guest(), after).total()).isZero();

		fixtures.retitle(topic.getId(), "After the edit " + m);
		assertThat(titles(guest(), m)).containsExactly("After the edit " + m);

		fixtures.setVisibility(topic.getId(), Visibility.PRIVATE);
		assertThat(results(guest(), m).total()).isZero();
		fixtures.setVisibility(topic.getId(), Visibility.PUBLIC);

		String renamed = "rn" + m.substring(2, 8);
		mvc.perform(post("/mod/tags/{name}/rename", tag).with(user(admin)).with(csrf()).param("newName", renamed))
				.andExpect(status().is3xxRedirection());
		// Renames reach the index through an event listener after the commit.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(
				() -> assertThat(values(results(guest(), m).facets().tags())).containsExactly(renamed));
		assertThat(search.search(new SearchRequest(m, List.of(renamed), null, null, null, false, Period.ANY,
				Sort.RELEVANCE, 1), guest()).total()).isEqualTo(1);

		String merged = "mg" + m.substring(2, 8);
		Topic second = topic(author, "Second topic " + m, "More words " + m, merged);
		mvc.perform(post("/mod/tags/{name}/merge", renamed).with(user(admin)).with(csrf()).param("into", merged))
				.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(
				() -> assertThat(results(guest(), m).facets().tags()).extracting(FacetValue::value, FacetValue::count)
						.containsExactly(tuple(merged, 2L)));
		assertThat(second.getId()).isNotNull();
	}

	@Test
	void theResultsPageCostsAFixedNumberOfStatementsWhateverItShows() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("stmts");
		MemberPrincipal reader = members.create("stmtr");
		for (int i = 0; i < 12; i++) {
			topic(author, "Counting " + i + " " + m, "Text " + i + " " + m, "count-a", "count-b");
		}
		mvc.perform(get("/search").param("q", m)).andExpect(status().isOk());
		int guest = statements.count(() -> mvc.perform(get("/search").param("q", m)).andExpect(status().isOk()));
		int member = statements.count(() -> mvc.perform(get("/search").param("q", m).param("author", author.username())
				.with(user(reader))).andExpect(status().isOk()));
		int empty = statements.count(() -> mvc.perform(get("/search").param("q", marker()))
				.andExpect(status().isOk()));
		// Of these, one reads the names of the tags the facet shows (they are counted by id).
		assertThat(guest).isLessThanOrEqualTo(5);
		// One more for a member: the unread count of the bell in the header.
		assertThat(member).isLessThanOrEqualTo(8);
		assertThat(empty).isLessThanOrEqualTo(5);
	}

	/** Post text that reads as markup once its escaping is undone: code, entities, and raw tags the sanitizer drops. */
	static final List<String> MARKUP_IN_TEXT = List.of(
			"`<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">`",
			"&lt;meta http-equiv=&quot;refresh&quot; content=&quot;0;url=https://evil.example/&quot;&gt;",
			"&lt;a href=&quot;https://evil.example/login&quot;&gt;Your session ended, sign in again&lt;/a&gt;",
			"    <img src=x onerror=alert(1)><svg onload=alert(2)>",
			"<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"> <a href=\"https://evil.example/\">x</a>");

	/** What must never reach a results page as markup, whatever a post holds. */
	static void noMarkupFromPosts(String rawPage) {
		assertThat(rawPage).doesNotContainIgnoringCase("<meta http-equiv").doesNotContain("evil.example/\"")
				.doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<svg onload")
				.doesNotContain("href=\"https://evil.example");
	}

	String rawPage(RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void postTextThatLooksLikeMarkupIsShownAsTextInSnippetsAndOpeningsWithEveryFilter() throws Exception {
		String m = marker();
		MemberPrincipal author = members.create("xsnip");
		for (int i = 0; i < MARKUP_IN_TEXT.size(); i++) {
			String vector = MARKUP_IN_TEXT.get(i);
			// The marker in the body: a highlighted snippet. In the tag and title alone: the post's opening.
			topic(author, "advice", TopicKind.DISCUSSION, Visibility.PUBLIC, "Snippet " + m + " " + i,
					vector + "\n\n" + m + " " + vector, "xss-" + m);
			topic(author, "slips-and-fresh-starts", TopicKind.PLAN, Visibility.PUBLIC, "Opening" + i + " " + m + "title",
					vector + "\n\nnothing else", "xss-" + m);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(results(guest(), m).total())
				.as(jdbc.queryForList("select p.status, p.plain_text from post p join member a on a.id = p.author_id where a.id = ?",
						author.id()).toString()).isEqualTo(2L * MARKUP_IN_TEXT.size()));

		List<RequestBuilder> pages = List.of(
				get("/search").param("q", m),
				get("/search").param("q", m + "title"),
				get("/search").param("q", m).param("tag", "xss-" + m),
				get("/search").param("q", m).param("category", "advice"),
				get("/search").param("q", m + "title").param("kind", "plan"),
				get("/search").param("q", m + "title").param("category", "slips-and-fresh-starts").param("kind", "plan")
						.param("tag", "xss-" + m),
				get("/search").param("tag", "xss-" + m),
				get("/search").param("category", "slips-and-fresh-starts").param("tag", "xss-" + m),
				get("/search").param("kind", "plan").param("tag", "xss-" + m),
				get("/search").param("q", m).param("sort", "newest").param("period", "week"),
				get("/search").param("q", m).with(user(author)),
				get("/search").param("tag", "xss-" + m).param("kind", "plan").with(user(author)),
				get("/search/similar").param("title", "Snippet " + m),
				get("/search/similar").param("title", "Opening0 " + m + "title"));
		for (var request : pages) {
			noMarkupFromPosts(rawPage(request));
		}
		String withMatches = rawPage(get("/search").param("q", m));
		assertThat(withMatches).contains("<mark>" + m + "</mark>", "&lt;meta http-equiv=&quot;refresh&quot;");
		String openings = rawPage(get("/search").param("q", m + "title"));
		assertThat(openings).contains("&lt;meta http-equiv", "&lt;a href=&quot;https://evil.example/login&quot;&gt;");
		assertThat(rawPage(get("/search/similar").param("title", "Snippet " + m))).contains("Snippet " + m);
	}
}
