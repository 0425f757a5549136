package org.steadfast.forum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.Role;
import org.steadfast.support.Members;
import org.steadfast.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * The forum as members use it, through its pages. Runs on H2 ({@link ForumH2IT}) and MariaDB
 * ({@link ForumMariaDbIT}).
 */
abstract class ForumScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	TopicService topics;

	@Autowired
	TopicModeration moderation;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryRepository categories;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	ForumProperties limits;

	long category(String slug) {
		return categories.findBySlug(slug).orElseThrow().getId();
	}

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	Topic topic(MemberPrincipal author, String title, String... tags) {
		return topics.startTopic(author.id(), TopicService.NewTopic.discussion(category("starting-out"), title,
				"First post of " + title, List.of(tags)), formTokens.issue(author.id()));
	}

	Post reply(MemberPrincipal author, Topic topic, String body) {
		return topics.reply(topic.getId(), author.id(), false, body, formTokens.issue(author.id()));
	}

	ResultActions startTopicByForm(MemberPrincipal author, String categoryId, String title, String body, String tags)
			throws Exception {
		return mvc.perform(post("/t/new").with(user(author)).with(csrf()).param("categoryId", categoryId)
				.param("title", title).param("body", body).param("tags", tags)
				.param("formToken", formTokens.issue(author.id())));
	}

	static String unique(String title) {
		return title + " " + UUID.randomUUID().toString().substring(0, 6);
	}

	@Test
	void aMemberStartsATaggedTopicThatAppearsInLatestItsCategoryAndItsTagPages() throws Exception {
		MemberPrincipal author = members.create("poster");
		String title = unique("Mutual friends at a party");
		String location = startTopicByForm(author, String.valueOf(category("advice")), title,
				"They will be **there**. What do I do?", "Mutual Friends, party")
				.andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/t/\\d+/mutual-friends-at-a-party-.*");

		String topicPage = html(mvc.perform(get(location)).andExpect(status().isOk()));
		assertThat(topicPage).contains(title, "<strong>there</strong>", "mutual-friends", "party");
		assertThat(html(mvc.perform(get("/latest")))).contains(title);
		assertThat(html(mvc.perform(get("/c/advice")))).contains(title);
		assertThat(html(mvc.perform(get("/tags/mutual-friends")))).contains(title);
		assertThat(html(mvc.perform(get("/tags")))).contains("mutual-friends");
		assertThat(lastPageOf("/unanswered")).contains(title);
		assertThat(html(mvc.perform(get("/u/" + author.username())))).contains("Topics started", title);
	}

	/** The last page of a list; unanswered topics are listed oldest first, after whatever other tests left. */
	String lastPageOf(String list) throws Exception {
		String page = html(mvc.perform(get(list)));
		for (int p = 2; page.contains("rel=\"next\"") && p < 100; p++) {
			page = html(mvc.perform(get(list).param("page", String.valueOf(p))));
		}
		return page;
	}

	@Test
	void replyingKeepsTheTopicCountersAndRemovesItFromUnanswered() throws Exception {
		MemberPrincipal author = members.create("asker");
		MemberPrincipal helper = members.create("helper");
		Topic topic = topic(author, unique("Day one again"));
		String location = mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(helper)).with(csrf())
				.param("body", "You can do this. One hour at a time.")
				.param("formToken", formTokens.issue(helper.id())))
				.andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).endsWith("#post-2");
		var row = jdbc.queryForMap("select reply_count, last_poster_id from topic where id = ?", topic.getId());
		assertThat(row.get("reply_count")).isEqualTo(1);
		assertThat(((Number) row.get("last_poster_id")).longValue()).isEqualTo(helper.id());
		assertThat(html(mvc.perform(get("/unanswered")))).doesNotContain(topic.getTitle());
	}

	@Test
	void aWrongSlugRedirectsToTheRightOneAndAMissingTopicIsNotFound() throws Exception {
		MemberPrincipal author = members.create("slug");
		Topic topic = topic(author, unique("The right slug"));
		mvc.perform(get("/t/" + topic.getId() + "/wrong-slug"))
				.andExpect(redirectedUrl("/t/" + topic.getId() + "/" + topic.getSlug()));
		mvc.perform(get("/t/" + topic.getId())).andExpect(redirectedUrl("/t/" + topic.getId() + "/" + topic.getSlug()));
		mvc.perform(get("/t/987654321/anything")).andExpect(status().isNotFound());
		mvc.perform(get("/t/not-a-number/x")).andExpect(status().isBadRequest());
		mvc.perform(post("/t/987654321/reply").with(user(author)).with(csrf()).param("body", "hello there")
				.param("formToken", formTokens.issue(author.id()))).andExpect(status().isNotFound());
	}

	@Test
	void quotingPrefillsTheReplyFormWithoutJavaScript() throws Exception {
		MemberPrincipal author = members.create("quoted");
		MemberPrincipal reader = members.create("quoter");
		Topic topic = topic(author, unique("Quote me"));
		Post first = topics.reply(topic.getId(), author.id(), false, "The urge passes if you wait.",
				formTokens.issue(author.id()));
		String page = html(mvc.perform(get("/t/" + topic.getId() + "/" + topic.getSlug()).param("quote",
				String.valueOf(first.getId())).with(user(reader))));
		assertThat(page).contains("> @" + author.username() + " wrote:", "> The urge passes if you wait.");
	}

	@Test
	void editingKeepsHistoryAndAStaleEditIsAConflictWithTheTextKept() throws Exception {
		MemberPrincipal author = members.create("editor");
		Topic topic = topic(author, unique("Editable"));
		Post post = reply(author, topic, "Original words");
		long version = jdbc.queryForObject("select version from post where id = ?", Long.class, post.getId());
		mvc.perform(post("/p/" + post.getId() + "/edit").with(user(author)).with(csrf()).param("body", "Better words")
				.param("version", String.valueOf(version)))
				.andExpect(status().is3xxRedirection());
		String page = html(mvc.perform(get("/t/" + topic.getId() + "/" + topic.getSlug())));
		assertThat(page).contains("Better words", "edited").doesNotContain("Original words");
		assertThat(html(mvc.perform(get("/p/" + post.getId() + "/history").with(user(author))).andExpect(status().isOk())))
				.contains("Original words", "Better words");

		String conflict = html(mvc.perform(post("/p/" + post.getId() + "/edit").with(user(author)).with(csrf())
				.param("body", "My stale but precious text").param("version", String.valueOf(version))));
		assertThat(conflict).contains("Someone changed this post", "My stale but precious text", "Better words");
		assertThat(jdbc.queryForObject("select source from post where id = ?", String.class, post.getId()))
				.isEqualTo("Better words");
	}

	MemberPrincipal moderator(String prefix) {
		MemberPrincipal m = members.create(prefix);
		jdbc.update("update member set role = 'MODERATOR' where id = ?", m.id());
		return new MemberPrincipal(m.id(), m.username(), m.displayName(), m.zoneId(), Role.MODERATOR, m.password());
	}

	Post editedPost(MemberPrincipal author, String before, String after) throws Exception {
		Topic topic = topic(author, unique("Rewritten"));
		Post post = reply(author, topic, before);
		long version = jdbc.queryForObject("select version from post where id = ?", Long.class, post.getId());
		mvc.perform(post("/p/" + post.getId() + "/edit").with(user(author)).with(csrf()).param("body", after)
				.param("version", String.valueOf(version)))
				.andExpect(status().is3xxRedirection());
		return post;
	}

	@Test
	void editHistoryIsTheAuthorsAndModeratorsOnlyAndOthersAreToldItDoesNotExist() throws Exception {
		MemberPrincipal author = members.create("hist");
		MemberPrincipal other = members.create("peek");
		MemberPrincipal mod = moderator("histmod");
		Post post = editedPost(author, "I still miss their laugh", "Day 3, holding on");
		String history = "/p/" + post.getId() + "/history";

		String guest = html(mvc.perform(get(history)).andExpect(status().isNotFound()));
		assertThat(guest).doesNotContain("I still miss their laugh");
		String member = html(mvc.perform(get(history).with(user(other))).andExpect(status().isNotFound()));
		assertThat(member).doesNotContain("I still miss their laugh");
		assertThat(html(mvc.perform(get(history).with(user(author))).andExpect(status().isOk())))
				.contains("I still miss their laugh", "Day 3, holding on", "Delete this version");
		assertThat(html(mvc.perform(get(history).with(user(mod))).andExpect(status().isOk())))
				.contains("I still miss their laugh").doesNotContain("Delete this version");

		String topicUrl = "/t/" + post.getTopicId() + "/"
				+ jdbc.queryForObject("select slug from topic where id = ?", String.class, post.getTopicId());
		String asGuest = html(mvc.perform(get(topicUrl)).andExpect(status().isOk()));
		assertThat(asGuest).contains("edited").doesNotContain(history);
		assertThat(html(mvc.perform(get(topicUrl).with(user(other))).andExpect(status().isOk()))).doesNotContain(history);
		assertThat(html(mvc.perform(get(topicUrl).with(user(author))).andExpect(status().isOk()))).contains(history);
		assertThat(html(mvc.perform(get(topicUrl).with(user(mod))).andExpect(status().isOk()))).contains(history);

		String title = jdbc.queryForObject("select title from topic where id = ?", String.class, post.getTopicId());
		assertThat(html(mvc.perform(get("/search").param("q", "holding").with(user(author))).andExpect(status().isOk())))
				.contains(title);
		assertThat(html(mvc.perform(get("/search").param("q", "laugh").with(user(author))).andExpect(status().isOk())))
				.doesNotContain(title, "I still miss their laugh");
	}

	@Test
	void theAuthorDeletesAnEarlierVersionAndOnlyTheFactThatItHappenedStaysInTheAuditLog() throws Exception {
		MemberPrincipal author = members.create("hist");
		MemberPrincipal other = members.create("peek");
		MemberPrincipal mod = moderator("histmod");
		Post post = editedPost(author, "Their address is on Elm Road", "Moving on");
		long revision = jdbc.queryForObject("select id from post_revision where post_id = ?", Long.class, post.getId());
		String delete = "/p/" + post.getId() + "/history/" + revision + "/delete";

		assertThat(html(mvc.perform(get(delete).with(user(author))).andExpect(status().isOk())))
				.contains("Delete this earlier version?", "Their address is on Elm Road", "method=\"post\"");
		mvc.perform(get(delete).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(get(delete).with(user(mod))).andExpect(status().isNotFound());
		mvc.perform(post(delete).with(user(author))).andExpect(status().isForbidden());
		mvc.perform(post(delete).with(user(other)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post(delete).with(user(mod)).with(csrf())).andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select count(*) from post_revision where id = ?", Integer.class, revision)).isOne();

		mvc.perform(post(delete).with(user(author)).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/p/" + post.getId() + "/history"));

		assertThat(jdbc.queryForObject("select count(*) from post_revision where post_id = ?", Integer.class, post.getId()))
				.isZero();
		assertThat(html(mvc.perform(get("/p/" + post.getId() + "/history").with(user(author))).andExpect(status().isOk())))
				.contains("Moving on").doesNotContain("Elm Road");
		assertThat(html(mvc.perform(get("/p/" + post.getId() + "/history").with(user(mod))).andExpect(status().isOk())))
				.doesNotContain("Elm Road");
		assertThat(jdbc.queryForObject("select count(*) from post where source like '%Elm Road%' or html like '%Elm Road%'",
				Integer.class)).isZero();
		var audit = jdbc.queryForMap("select actor_id, target_type, target_id, acted_at, before_text, after_text"
				+ " from audit_log where action = 'post.revision.delete' and target_id = ?", post.getId());
		assertThat(audit.get("actor_id")).isEqualTo(author.id());
		assertThat(audit.get("target_type")).isEqualTo("POST");
		assertThat(audit.get("acted_at")).isNotNull();
		assertThat(String.valueOf(audit.get("before_text")) + audit.get("after_text")).doesNotContain("Elm Road");
		mvc.perform(post(delete).with(user(author)).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void onlyTheAuthorOrStaffMayEditOrDelete() throws Exception {
		MemberPrincipal author = members.create("owner");
		MemberPrincipal stranger = members.create("stranger");
		Topic topic = topic(author, unique("Mine"));
		Post post = reply(author, topic, "My words");
		mvc.perform(get("/p/" + post.getId() + "/edit").with(user(stranger))).andExpect(status().isForbidden());
		mvc.perform(post("/p/" + post.getId() + "/edit").with(user(stranger)).with(csrf()).param("body", "Hijacked")
				.param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/p/" + post.getId() + "/delete").with(user(stranger)).with(csrf()))
				.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select source from post where id = ?", String.class, post.getId()))
				.isEqualTo("My words");
	}

	@Test
	void deletingLeavesAPlaceholderThatKeepsTheThreadReadable() throws Exception {
		MemberPrincipal author = members.create("deleter");
		Topic topic = topic(author, unique("Regret"));
		Post post = reply(author, topic, "Something I regret writing");
		mvc.perform(post("/p/" + post.getId() + "/delete").with(user(author)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		String page = html(mvc.perform(get("/t/" + topic.getId() + "/" + topic.getSlug())));
		assertThat(page).contains("This post was deleted by its author.", "id=\"post-2\"")
				.doesNotContain("Something I regret writing");
		mvc.perform(post("/p/" + post.getId() + "/delete").with(user(author)).with(csrf()))
				.andExpect(status().isNotFound());
	}

	@Test
	void reactionsToggleAndNobodyReactsToTheirOwnPost() throws Exception {
		MemberPrincipal author = members.create("hugged");
		MemberPrincipal friend = members.create("hugger");
		Topic topic = topic(author, unique("Rough night"));
		long firstPost = jdbc.queryForObject("select id from post where topic_id = ? and number = 1", Long.class,
				topic.getId());
		mvc.perform(post("/p/" + firstPost + "/react").with(user(friend)).with(csrf()).param("kind", "HUG"))
				.andExpect(redirectedUrlPattern("/t/*/*#post-1"));
		assertThat(count("select count(*) from reaction where post_id = ?", firstPost)).isEqualTo(1);
		String page = html(mvc.perform(get("/t/" + topic.getId() + "/" + topic.getSlug()).with(user(friend))));
		assertThat(page).contains("aria-pressed=\"true\"");
		mvc.perform(post("/p/" + firstPost + "/react").with(user(friend)).with(csrf()).param("kind", "HUG"));
		assertThat(count("select count(*) from reaction where post_id = ?", firstPost)).isZero();
		mvc.perform(post("/p/" + firstPost + "/react").with(user(author)).with(csrf()).param("kind", "HUG"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/p/" + firstPost + "/react").with(user(friend)).with(csrf()).param("kind", "DISLIKE"))
				.andExpect(status().isBadRequest());
		assertThat(count("select count(*) from reaction where post_id = ?", firstPost)).isZero();
	}

	@Test
	void replyToLockedTopicIsRefusedWithA403AndTheTextKept() throws Exception {
		MemberPrincipal author = members.create("locked");
		MemberPrincipal replier = members.create("latecomer");
		Topic topic = topic(author, unique("Closed now"));
		moderation.setLocked(author.id(), topic.getId(), true, null);
		String page = html(mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(replier)).with(csrf())
				.param("body", "My late but heartfelt reply").param("formToken", formTokens.issue(replier.id())))
				.andExpect(status().isForbidden()));
		assertThat(page).contains("This topic is locked", "My late but heartfelt reply");
		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(1);
	}

	@Test
	void aDoubleSubmittedFormCreatesOnePost() throws Exception {
		MemberPrincipal author = members.create("double");
		Topic topic = topic(author, unique("Double click"));
		String token = formTokens.issue(author.id());
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(author)).with(csrf())
					.param("body", "Clicked twice").param("formToken", token))
					.andExpect(status().is3xxRedirection())
					.andExpect(redirectedUrlPattern("/t/*/*#post-2"));
		}
		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(2);
	}

	@Test
	void theSameTextTwiceWithinFiveMinutesIsRefused() throws Exception {
		MemberPrincipal author = members.create("repeat");
		Topic topic = topic(author, unique("Repeat"));
		reply(author, topic, "Exactly this text");
		String page = html(mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(author)).with(csrf())
				.param("body", "Exactly this text").param("formToken", formTokens.issue(author.id()))));
		assertThat(page).contains("You posted the same text a moment ago");
		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(2);
	}

	@Test
	void postingTooQuicklyIsRefusedWithTheTextKept() throws Exception {
		MemberPrincipal author = members.create("quick");
		Topic topic = topic(author, unique("Quick"));
		var before = limits.getMinTimeBetweenPosts();
		limits.setMinTimeBetweenPosts(Duration.ofSeconds(10));
		try {
			String page = html(mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(author)).with(csrf())
					.param("body", "Second thought").param("formToken", formTokens.issue(author.id())))
					.andExpect(status().isOk()));
			assertThat(page).contains("You are posting very quickly", "Second thought");
		}
		finally {
			limits.setMinTimeBetweenPosts(before);
		}
	}

	@Test
	void newMembersHaveADailyCap() throws Exception {
		MemberPrincipal author = members.create("capped");
		Topic topic = topic(author, unique("Capped"));
		int before = limits.getNewMemberDailyCap();
		limits.setNewMemberDailyCap(2);
		try {
			reply(author, topic, "one more");
			String page = html(mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(author)).with(csrf())
					.param("body", "and another").param("formToken", formTokens.issue(author.id()))));
			assertThat(page).contains("limited number of times on their first day", "and another");
		}
		finally {
			limits.setNewMemberDailyCap(before);
		}
	}

	@Test
	void badTopicInputComesBackWithSpecificMessagesAndNothingIsWritten() throws Exception {
		MemberPrincipal author = members.create("badinput");
		long advice = category("advice");
		long before = count("select count(*) from topic");
		String title = "A fine title";
		assertThat(html(startTopicByForm(author, String.valueOf(advice), "", "body", ""))).contains("Please give your topic a title.");
		assertThat(html(startTopicByForm(author, String.valueOf(advice), "Hey", "body", ""))).contains("A title has 5 to 150");
		assertThat(html(startTopicByForm(author, String.valueOf(advice), "x".repeat(151), "body", ""))).contains("A title has 5 to 150");
		assertThat(html(startTopicByForm(author, String.valueOf(advice), title, "", ""))).contains("Please write something");
		assertThat(html(startTopicByForm(author, String.valueOf(advice), title, "y".repeat(20_001), "")))
				.contains("longer than 20,000 characters", "y".repeat(20_001));
		assertThat(html(startTopicByForm(author, String.valueOf(advice), title, "body", "a1,b2,c3,d4,e5,f6")))
				.contains("at most 5 tags", "a1,b2,c3,d4,e5,f6");
		assertThat(html(startTopicByForm(author, String.valueOf(advice), title, "body", "<script>")))
				.contains("letters, digits, spaces and hyphens");
		assertThat(html(startTopicByForm(author, String.valueOf(advice), title, "nul \u0000 here", "")))
				.contains("invisible or control characters");
		assertThat(html(startTopicByForm(author, String.valueOf(advice), "evil\u202Eeman elif", "body", "")))
				.contains("invisible or control characters");
		assertThat(html(startTopicByForm(author, "999999", title, "body", ""))).contains("Please choose a category.");
		assertThat(html(startTopicByForm(author, "not-a-number", title, "body", ""))).contains("Please choose a category.");
		assertThat(count("select count(*) from topic")).isEqualTo(before);
	}

	@Test
	void emojiAreWelcomeInTitlesAndPosts() throws Exception {
		MemberPrincipal author = members.create("emoji");
		String title = unique("Day 30 💪🏽🎉");
		String location = startTopicByForm(author, String.valueOf(category("success-stories")), title,
				"I made it 💔➡️❤️‍🩹", "milestone").andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
		assertThat(html(mvc.perform(get(location)))).contains(title, "I made it 💔➡️❤️‍🩹");
	}

	@Test
	void tamperedHiddenFieldsCannotSetAuthorPinnedOrVisibility() throws Exception {
		MemberPrincipal author = members.create("tamper");
		MemberPrincipal victim = members.create("victim");
		String location = mvc.perform(post("/t/new").with(user(author)).with(csrf())
				.param("categoryId", String.valueOf(category("advice"))).param("title", unique("Sneaky"))
				.param("body", "body text").param("tags", "").param("formToken", formTokens.issue(author.id()))
				.param("authorId", String.valueOf(victim.id())).param("pinned", "true").param("locked", "true")
				.param("visibility", "PRIVATE").param("status", "HIDDEN"))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.split("/")[2]);
		var row = jdbc.queryForMap("select author_id, pinned, locked, visibility, status from topic where id = ?", id);
		assertThat(((Number) row.get("author_id")).longValue()).isEqualTo(author.id());
		assertThat(row.get("pinned")).isIn(false, 0, (byte) 0);
		assertThat(row.get("locked")).isIn(false, 0, (byte) 0);
		assertThat(row.get("visibility")).isEqualTo("PUBLIC");
		assertThat(row.get("status")).isEqualTo("VISIBLE");
		// A form token issued to someone else is refused, so a forged form can't post as them.
		String page = html(mvc.perform(post("/t/new").with(user(author)).with(csrf())
				.param("categoryId", String.valueOf(category("advice"))).param("title", unique("Forged"))
				.param("body", "forged body").param("formToken", formTokens.issue(victim.id()))));
		assertThat(page).contains("This form has expired", "forged body");
	}

	@Test
	void privateTopicsNeverShowToOthersAnywhere() throws Exception {
		MemberPrincipal author = members.create("private");
		MemberPrincipal other = members.create("nosy");
		String title = unique("My private plan");
		Topic topic = topics.startTopic(author.id(), new TopicService.NewTopic(category("starting-out"), title,
				"Only for me", List.of("secret-tag"), TopicKind.PLAN, Visibility.PRIVATE), formTokens.issue(author.id()));
		String url = "/t/" + topic.getId() + "/" + topic.getSlug();
		mvc.perform(get(url)).andExpect(status().isNotFound());
		mvc.perform(get(url).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(get(url).with(user(author))).andExpect(status().isOk());
		for (String page : List.of("/latest", "/c/starting-out", "/tags/secret-tag", "/unanswered")) {
			assertThat(html(mvc.perform(get(page).with(user(other))))).doesNotContain(title);
			assertThat(html(mvc.perform(get(page)))).doesNotContain(title);
		}
		assertThat(html(mvc.perform(get("/latest").with(user(author))))).contains(title);
		assertThat(html(mvc.perform(get("/u/" + author.username()).with(user(other))))).doesNotContain(title);
		assertThat(html(mvc.perform(get("/u/" + author.username()).with(user(author))))).contains(title);
		assertThat(html(mvc.perform(get("/tags")))).doesNotContain("secret-tag\n            <span class=\"muted\">1 topic");
		assertThat(jdbc.queryForObject("select topic_count from tag where name = 'secret-tag'", Integer.class)).isZero();
		long firstPost = jdbc.queryForObject("select id from post where topic_id = ?", Long.class, topic.getId());
		mvc.perform(get("/p/" + firstPost).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(get("/p/" + firstPost + "/history").with(user(other))).andExpect(status().isNotFound());
		mvc.perform(post("/p/" + firstPost + "/react").with(user(other)).with(csrf()).param("kind", "HUG"))
				.andExpect(status().isNotFound());
		mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(other)).with(csrf()).param("body", "peek")
				.param("formToken", formTokens.issue(other.id()))).andExpect(status().isNotFound());
	}

	@Test
	void theAskerMarksTheAdviceThatHelpedInAdviceTopicsOnly() throws Exception {
		MemberPrincipal asker = members.create("asker");
		MemberPrincipal adviser = members.create("adviser");
		Topic topic = topics.startTopic(asker.id(), TopicService.NewTopic.discussion(category("advice"),
				unique("Should I reply to happy birthday?"), "They texted me.", List.of("birthday")),
				formTokens.issue(asker.id()));
		Post advice = reply(adviser, topic, "Don't reply. Silence is your answer.");
		mvc.perform(post("/t/" + topic.getId() + "/helpful").with(user(adviser)).with(csrf())
				.param("postId", String.valueOf(advice.getId()))).andExpect(status().isForbidden());
		mvc.perform(post("/t/" + topic.getId() + "/helpful").with(user(asker)).with(csrf())
				.param("postId", String.valueOf(advice.getId()))).andExpect(status().is3xxRedirection());
		String page = html(mvc.perform(get("/t/" + topic.getId() + "/" + topic.getSlug())));
		assertThat(page).contains("The advice that helped");
		assertThat(page.indexOf("The advice that helped")).isLessThan(page.indexOf("id=\"post-2\""));
		assertThat(html(mvc.perform(get("/c/advice")))).contains("Helped");

		Topic elsewhere = topic(asker, unique("Not advice"));
		Post reply = reply(adviser, elsewhere, "Nice words");
		mvc.perform(post("/t/" + elsewhere.getId() + "/helpful").with(user(asker)).with(csrf())
				.param("postId", String.valueOf(reply.getId()))).andExpect(status().isForbidden());
	}

	@Test
	void topicsWithNewPostsAreMarkedAndLinkToTheFirstUnreadPost() throws Exception {
		MemberPrincipal reader = members.create("reader");
		MemberPrincipal writer = members.create("writer");
		Topic topic = topic(writer, unique("Keep reading"));
		mvc.perform(get("/t/" + topic.getId() + "/" + topic.getSlug()).with(user(reader))).andExpect(status().isOk());
		reply(writer, topic, "news one");
		reply(writer, topic, "news two");
		String latest = html(mvc.perform(get("/latest").with(user(reader))));
		assertThat(latest).contains("2 new", "/t/" + topic.getId() + "/" + topic.getSlug() + "#post-2");
		mvc.perform(get("/t/" + topic.getId() + "/" + topic.getSlug()).with(user(reader)));
		String after = html(mvc.perform(get("/latest").with(user(reader))));
		assertThat(after).doesNotContain("/t/" + topic.getId() + "/" + topic.getSlug() + "#post-2");
	}

	@Test
	void aKeptRenderingOfAPostIsReusedOnlyForTheSameKindOfReaderWithTheRequestsOwnCsrfToken() throws Exception {
		MemberPrincipal author = members.create("keeper");
		MemberPrincipal reader = members.create("keptreader");
		MemberPrincipal staff = members.admin("keptstaff");
		Topic topic = topic(author, unique("Kept renderings"));
		Post post = reply(author, topic, "Words worth keeping");
		String url = "/t/" + topic.getId() + "/" + topic.getSlug();
		String edit = "/p/" + post.getId() + "/edit";
		String delete = "/p/" + post.getId() + "/delete";

		// Each kind of reader twice: the second time from the kept renderings, and still their own.
		for (int round = 0; round < 2; round++) {
			assertThat(html(mvc.perform(get(url).with(user(author))))).contains(edit, delete)
					.doesNotContain("/p/" + post.getId() + "/react");
			assertThat(html(mvc.perform(get(url).with(user(reader))))).contains("/p/" + post.getId() + "/react")
					.doesNotContain(edit).doesNotContain(delete);
			assertThat(html(mvc.perform(get(url).with(user(staff))))).contains(edit, delete, "/mod/t/" + topic.getId());
			assertThat(html(mvc.perform(get(url)))).contains("Words worth keeping").doesNotContain("_csrf")
					.doesNotContain("/react").doesNotContain(edit);
		}

		// Every form on a page built from kept renderings carries this request's token.
		MvcResult result = mvc.perform(get(url).with(user(reader))).andReturn();
		String token = ((CsrfToken) result.getRequest().getAttribute(CsrfToken.class.getName())).getToken();
		List<String> sent = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"")
				.matcher(result.getResponse().getContentAsString()).results().map(m -> m.group(1)).toList();
		assertThat(sent).hasSizeGreaterThanOrEqualTo(3).containsOnly(token);
		assertThat(result.getResponse().getContentAsString()).doesNotContain("\u0000");

		// A reaction, an edit and another time zone each show at once.
		mvc.perform(post("/p/" + post.getId() + "/react").with(user(reader)).with(csrf()).param("kind", "HUG"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get(url).with(user(reader))))).contains("aria-pressed=\"true\"");
		assertThat(html(mvc.perform(get(url).with(user(staff))))).doesNotContain("aria-pressed=\"true\"");
		long version = jdbc.queryForObject("select version from post where id = ?", Long.class, post.getId());
		mvc.perform(post(edit).with(user(author)).with(csrf()).param("body", "Words rewritten")
				.param("version", Long.toString(version))).andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get(url).with(user(reader))))).contains("Words rewritten")
				.doesNotContain("Words worth keeping");
		MemberPrincipal farAway = new MemberPrincipal(reader.id(), reader.username(), reader.displayName(),
				"Pacific/Kiritimati", reader.role(), reader.password());
		String utc = timeOf(html(mvc.perform(get(url))), post.getId());
		String kiritimati = timeOf(html(mvc.perform(get(url).with(user(farAway)))), post.getId());
		assertThat(kiritimati).isNotEqualTo(utc);
	}

	@Test
	void aTopicPageKeptForEveryoneGivesEachReaderTheirOwnPartAndShowsEveryWriteAtOnce() throws Exception {
		MemberPrincipal author = members.create("sharer");
		MemberPrincipal reader = members.create("sharedreader");
		MemberPrincipal other = members.create("sharedother");
		Topic topic = topic(author, unique("Shared page"));
		Post post = reply(author, topic, "First words on the shared page");
		String url = "/t/" + topic.getId() + "/" + topic.getSlug();
		assertThat(html(mvc.perform(get(url)))).contains("First words on the shared page");

		// Read from the kept page: a member's page costs their own statement and the bell's, no more.
		html(mvc.perform(get(url).with(user(reader))));
		int kept = statements.count(() -> mvc.perform(get(url).with(user(reader))).andExpect(status().isOk()));
		assertThat(kept).isLessThanOrEqualTo(2);

		// A reaction counts for everyone and is pressed only for whoever gave it.
		mvc.perform(post("/p/" + post.getId() + "/react").with(user(reader)).with(csrf()).param("kind", "HUG"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get(url).with(user(reader))))).contains("aria-pressed=\"true\"");
		assertThat(html(mvc.perform(get(url).with(user(other))))).doesNotContain("aria-pressed=\"true\"");

		// Following is the reader's own.
		mvc.perform(post("/t/" + topic.getId() + "/follow").with(user(reader)).with(csrf()).param("follow", "true"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get(url).with(user(reader))))).contains(">Unfollow<");
		assertThat(html(mvc.perform(get(url).with(user(other))))).contains(">Follow<").doesNotContain(">Unfollow<");

		// Someone else's reply shows on the next read, for members and guests.
		reply(other, topic, "A reply written meanwhile");
		assertThat(html(mvc.perform(get(url).with(user(reader))))).contains("A reply written meanwhile");
		assertThat(html(mvc.perform(get(url)))).contains("A reply written meanwhile");

		// A block collapses the author's posts for the blocker only, from the same kept page.
		mvc.perform(post("/u/" + author.username() + "/block").with(user(other)).with(csrf()).param("block", "true"))
				.andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(get(url).with(user(other))))).doesNotContain("First words on the shared page")
				.contains("A post from a member you blocked");
		assertThat(html(mvc.perform(get(url).with(user(reader))))).contains("First words on the shared page");

		// A deletion shows at once, for everyone.
		mvc.perform(post("/p/" + post.getId() + "/delete").with(user(author)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		for (MemberPrincipal who : List.of(author, reader)) {
			assertThat(html(mvc.perform(get(url).with(user(who))))).doesNotContain("First words on the shared page")
					.contains("This post was deleted by its author.");
		}
		assertThat(html(mvc.perform(get(url)))).doesNotContain("First words on the shared page");
	}

	@Test
	void aPrivateTopicKeptAfterItsAuthorReadItIsStillNotFoundForAnyoneElse() throws Exception {
		MemberPrincipal author = members.create("keptprivate");
		MemberPrincipal other = members.create("keptnosy");
		Topic topic = topics.startTopic(author.id(), new TopicService.NewTopic(category("starting-out"),
				unique("My kept private plan"), "Only for my eyes", List.of(), TopicKind.PLAN, Visibility.PRIVATE),
				formTokens.issue(author.id()));
		String url = "/t/" + topic.getId() + "/" + topic.getSlug();
		assertThat(html(mvc.perform(get(url).with(user(author))))).contains("Only for my eyes");
		assertThat(html(mvc.perform(get(url).with(user(author))))).contains("Only for my eyes");
		mvc.perform(get(url).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(get(url)).andExpect(status().isNotFound());
		mvc.perform(get("/t/" + topic.getId()).with(user(other))).andExpect(status().isNotFound());
	}

	/** The shown time of a post (its permalink's text). */
	private static String timeOf(String page, long postId) {
		var m = Pattern.compile("href=\"/p/" + postId + "\">\\s*<time[^>]*>([^<]*)</time>").matcher(page);
		assertThat(m.find()).as("time of post " + postId).isTrue();
		return m.group(1);
	}

	@Test
	void theTopicPageCostsAFixedNumberOfStatementsWhateverTheReplies() throws Exception {
		MemberPrincipal author = members.create("busy");
		MemberPrincipal reader = members.create("counter");
		Topic topic = topic(author, unique("Fifty replies"), "busy-thread", "counting");
		MemberPrincipal[] repliers = { members.create("r1"), members.create("r2"), members.create("r3") };
		for (int i = 1; i <= 50; i++) {
			reply(repliers[i % 3], topic, "Reply number " + i);
		}
		String url = "/t/" + topic.getId() + "/" + topic.getSlug();
		mvc.perform(get(url)).andExpect(status().isOk());
		int guest = statements.count(() -> mvc.perform(get(url)).andExpect(status().isOk()));
		int member = statements.count(() -> mvc.perform(get(url).with(user(reader))).andExpect(status().isOk()));
		int secondPage = statements.count(() -> mvc.perform(get(url).param("page", "2").with(user(reader)))
				.andExpect(status().isOk()));
		// The first read of a page costs four statements (header, posts, reactions, tags); then it is
		// kept for everyone until the next write. A member adds their own part and the bell's check,
		// and on a first read their read marker.
		assertThat(guest).isZero();
		assertThat(member).isLessThanOrEqualTo(3);
		assertThat(secondPage).isLessThanOrEqualTo(7);
		assertThat(html(mvc.perform(get(url).param("page", "2")))).contains("Reply number 50", "id=\"post-51\"");
		// Page weight: a full page of 50 posts stays light for a member too (one reaction form per post,
		// flagging on a page of its own), not only for guests.
		int memberBytes = mvc.perform(get(url).with(user(reader))).andReturn().getResponse().getContentAsByteArray().length;
		int guestBytes = mvc.perform(get(url)).andReturn().getResponse().getContentAsByteArray().length;
		System.out.println("Topic page with 50 posts: guest " + guestBytes + " bytes, member " + memberBytes + " bytes");
		assertThat(memberBytes).isLessThan(120_000);

		for (String page : List.of("/latest", "/unanswered", "/c/starting-out", "/tags/busy-thread", "/tags")) {
			int n = statements.count(() -> mvc.perform(get(page).with(user(reader))).andExpect(status().isOk()));
			assertThat(n).as(page).isLessThanOrEqualTo(7);
		}
	}

	@Test
	void fiftyConcurrentRepliesGiveFiftyPostsAndAReplyCountOfFifty() throws Exception {
		MemberPrincipal author = members.create("crowd");
		Topic topic = topic(author, unique("Everyone at once"));
		List<MemberPrincipal> repliers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			repliers.add(members.create("c" + i));
		}
		var pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				MemberPrincipal who = repliers.get(i % repliers.size());
				String body = "Concurrent reply " + i;
				calls.add(() -> mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(who)).with(csrf())
						.param("body", body).param("formToken", formTokens.issue(who.id())))
						.andReturn().getResponse().getStatus());
			}
			for (var f : pool.invokeAll(calls)) {
				assertThat(f.get()).isEqualTo(302);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(51);
		assertThat(count("select reply_count from topic where id = ?", topic.getId())).isEqualTo(50);
		assertThat(count("select count(distinct number) from post where topic_id = ?", topic.getId())).isEqualTo(51);
		assertThat(count("select max(number) from post where topic_id = ?", topic.getId())).isEqualTo(51);
	}

	@Test
	void previewRendersMarkdownWithoutPosting() throws Exception {
		MemberPrincipal author = members.create("preview");
		long before = count("select count(*) from topic");
		String page = mvc.perform(post("/t/new").with(user(author)).with(csrf())
				.param("categoryId", String.valueOf(category("advice"))).param("title", "Preview me please")
				.param("body", "Some *emphasis* and <script>alert(1)</script>").param("tags", "")
				.param("formToken", formTokens.issue(author.id())).param("preview", "1"))
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<em>emphasis</em>", "Preview me please");
		assertThat(page).doesNotContain("<script>alert(1)</script>");
		assertThat(count("select count(*) from topic")).isEqualTo(before);
	}

	@Test
	void guestsCanReadButNotPost() throws Exception {
		MemberPrincipal author = members.create("public");
		Topic topic = topic(author, unique("Open to all"));
		String page = html(mvc.perform(get("/t/" + topic.getId() + "/" + topic.getSlug())).andExpect(status().isOk()));
		assertThat(page).contains("to reply").doesNotContain("name=\"formToken\"");
		mvc.perform(get("/t/new")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/t/" + topic.getId() + "/reply").with(csrf()).param("body", "anon"))
				.andExpect(status().is3xxRedirection());
	}

	long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}
}
