package org.steadfast.moderation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.CategoryRepository;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Post;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicService;
import org.steadfast.support.Members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/** Moderation through its pages. Runs on H2 ({@link ModerationH2IT}) and MariaDB ({@link ModerationMariaDbIT}). */
abstract class ModerationScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	TopicService topics;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryRepository categories;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ModerationProperties properties;

	MemberPrincipal moderator() {
		return members.moderator("mod");
	}

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	Topic topic(MemberPrincipal author, String body) {
		return topics.startTopic(author.id(), TopicService.NewTopic.discussion(
				categories.findBySlug("starting-out").orElseThrow().getId(), "Topic " + UUID.randomUUID().toString().substring(0, 6),
				body, List.of()), formTokens.issue(author.id()));
	}

	long firstPost(Topic topic) {
		return jdbc.queryForObject("select id from post where topic_id = ? and number = 1", Long.class, topic.getId());
	}

	ResultActions flag(MemberPrincipal who, long postId, String reason) throws Exception {
		return mvc.perform(post("/p/" + postId + "/flag").with(user(who)).with(csrf()).param("reason", reason)
				.param("note", "please look"));
	}

	String postStatus(long postId) {
		return jdbc.queryForObject("select status from post where id = ?", String.class, postId);
	}

	int audits(String action, long targetId) {
		return jdbc.queryForObject("select count(*) from audit_log where action = ? and target_id = ?", Integer.class,
				action, targetId);
	}

	@Test
	void flagsFromThreeMembersHideThePostUntilAModeratorDecides() throws Exception {
		MemberPrincipal author = members.create("flagged");
		long post = firstPost(topic(author, "Some words people dislike"));
		flag(members.create("f1"), post, "UNKIND").andExpect(status().is3xxRedirection());
		MemberPrincipal second = members.create("f2");
		flag(second, post, "SPAM").andExpect(status().is3xxRedirection());
		assertThat(postStatus(post)).isEqualTo("VISIBLE");
		flag(second, post, "SPAM").andExpect(status().isBadRequest());
		flag(members.create("f3"), post, "OFF_TOPIC").andExpect(status().is3xxRedirection());
		assertThat(postStatus(post)).isEqualTo("HIDDEN");
		assertThat(audits("post.hiddenByFlags", post)).isEqualTo(1);
		flag(author, post, "SPAM").andExpect(status().isBadRequest());
		flag(second, 987654321L, "SPAM").andExpect(status().isNotFound());
		// Hidden now: other members can't see it, so they can't flag it either.
		flag(members.create("f5"), post, "SPAM").andExpect(status().isNotFound());
		long other = firstPost(topic(author, "Another post"));
		mvc.perform(post("/p/" + other + "/flag").with(user(second)).with(csrf()).param("reason", "OTHER")
				.param("note", "")).andExpect(status().isBadRequest());
		String refused = html(mvc.perform(post("/p/" + other + "/flag").with(user(second)).with(csrf())
				.param("reason", "MADE_UP").param("note", "My kept words")).andExpect(status().isBadRequest()));
		// Bad input is answered on the flag page itself, with what was typed kept.
		assertThat(refused).contains("Please choose what is wrong", "My kept words", "Flag a post");
		String form = html(mvc.perform(get("/p/" + other + "/flag").with(user(second))).andExpect(status().isOk()));
		assertThat(form).contains("What is wrong with this post?", "Only the moderators see flags", "Another post");
		mvc.perform(get("/p/987654321/flag").with(user(second))).andExpect(status().isNotFound());
		mvc.perform(get("/p/" + other + "/flag")).andExpect(status().is3xxRedirection());

		MemberPrincipal mod = moderator();
		String queue = html(mvc.perform(get("/mod").with(user(mod))).andExpect(status().isOk()));
		assertThat(queue).contains("Some words people dislike", "3 flags", "UNKIND: please look");
		var item = jdbc.queryForMap("select id, version from review_item where post_id = ?", post);
		mvc.perform(post("/mod/review/" + item.get("id")).with(user(mod)).with(csrf())
				.param("version", String.valueOf(item.get("version"))).param("decision", "DISMISS").param("reason", "fine"))
				.andExpect(status().is3xxRedirection());
		assertThat(postStatus(post)).isEqualTo("VISIBLE");
		assertThat(audits("post.dismiss", post)).isEqualTo(1);
		// A second moderator acting on what they saw before is told it was handled; nothing is applied twice.
		mvc.perform(post("/mod/review/" + item.get("id")).with(user(moderator())).with(csrf())
				.param("version", String.valueOf(item.get("version"))).param("decision", "HIDE"))
				.andExpect(status().isConflict());
		assertThat(postStatus(post)).isEqualTo("VISIBLE");
		assertThat(audits("post.hide", post)).isZero();
	}

	@Test
	void crisisContentComesFirstAndIsNeverBlocked() throws Exception {
		MemberPrincipal author = members.create("hurting");
		Topic ordinary = topic(author, "Ordinary post to flag");
		flag(members.create("a1"), firstPost(ordinary), "SPAM");
		flag(members.create("a2"), firstPost(ordinary), "SPAM");
		var reply = mvc.perform(post("/t/" + ordinary.getId() + "/reply").with(user(author)).with(csrf())
				.param("body", "Some nights I want to end my life.").param("formToken", formTokens.issue(author.id())))
				.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(reply.getFlashMap().get("crisis")).isEqualTo(true);
		String page = html(mvc.perform(get(reply.getResponse().getRedirectedUrl()).with(user(author))
				.flashAttrs(reply.getFlashMap())));
		assertThat(page).contains("Thank you for writing this down", "988", "Samaritans");
		long crisisPost = jdbc.queryForObject("select id from post where topic_id = ? and number = 2", Long.class,
				ordinary.getId());
		assertThat(postStatus(crisisPost)).isEqualTo("VISIBLE");
		String queue = html(mvc.perform(get("/mod").with(user(moderator()))));
		assertThat(queue.indexOf("Some nights I want to end my life")).isLessThan(queue.indexOf("Ordinary post to flag"));
		assertThat(queue).contains("Crisis");
	}

	@Test
	void aCrisisConcernFlagShowsNothingPubliclyAndIsRateLimited() throws Exception {
		MemberPrincipal author = members.create("worried");
		MemberPrincipal friend = members.create("caring");
		long post = firstPost(topic(author, "I don't see the point anymore"));
		var result = flag(friend, post, "CRISIS").andExpect(status().is3xxRedirection()).andReturn();
		assertThat(result.getFlashMap().get("notice")).isEqualTo("flag.crisisThanks");
		assertThat(postStatus(post)).isEqualTo("VISIBLE");
		assertThat(html(mvc.perform(get("/settings/moderation").with(user(author))))).contains("Someone here is thinking of you")
				.doesNotContain(friend.username());
		assertThat(html(mvc.perform(get("/settings/moderation").with(user(friend))))).doesNotContain("thinking of you");
		for (int i = 0; i < 2; i++) {
			flag(friend, firstPost(topic(members.create("other"), "another post " + i)), "CRISIS");
		}
		flag(friend, firstPost(topic(members.create("other"), "yet another")), "CRISIS").andExpect(status().isBadRequest());
	}

	@Test
	void contactDetailsAreHeldForAModeratorAndTheAuthorIsToldWhy() throws Exception {
		MemberPrincipal author = members.create("details");
		var result = mvc.perform(post("/t/new").with(user(author)).with(csrf())
				.param("categoryId", String.valueOf(categories.findBySlug("advice").orElseThrow().getId()))
				.param("title", "Should I text him").param("body", "His number is +44 7700 900123, should I?")
				.param("tags", "").param("formToken", formTokens.issue(author.id())))
				.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(result.getFlashMap().get("notice")).isEqualTo("held.personal-info");
		String location = result.getResponse().getRedirectedUrl();
		mvc.perform(get(location)).andExpect(status().isNotFound());
		assertThat(html(mvc.perform(get(location).with(user(author))))).contains("+44 7700 900123",
				"waiting for a moderator");
		assertThat(html(mvc.perform(get("/latest")))).doesNotContain("Should I text him");
		assertThat(html(mvc.perform(get("/mod").with(user(moderator()))))).contains("Contact details");
	}

	@Test
	void watchedWordsBlockHoldReplaceOrFlag() throws Exception {
		MemberPrincipal admin = members.admin("words");
		String w = "zq" + UUID.randomUUID().toString().substring(0, 5).replaceAll("[^a-z]", "x");
		for (String[] entry : new String[][] { { w + "block", "BLOCK", "" }, { w + "hold", "REQUIRE_APPROVAL", "" },
				{ w + "swap", "REPLACE", "kindness" }, { w + "flag", "FLAG", "" } }) {
			mvc.perform(post("/admin/watched-words").with(user(admin)).with(csrf()).param("phrase", entry[0])
					.param("action", entry[1]).param("replacement", entry[2])).andExpect(status().is3xxRedirection());
		}
		assertThat(audits("watched.add", jdbc.queryForObject("select id from watched_word where phrase = ?", Long.class,
				w + "block"))).isEqualTo(1);
		MemberPrincipal author = members.create("writer");
		Topic topic = topic(author, "Opening words");
		String blocked = html(mvc.perform(post("/t/" + topic.getId() + "/reply").with(user(author)).with(csrf())
				.param("body", "This has " + w.toUpperCase() + "BLOCK in it").param("formToken", formTokens.issue(author.id()))));
		assertThat(blocked).contains("isn't allowed here", w.toUpperCase() + "BLOCK in it");
		Post held = topics.reply(topic.getId(), author.id(), false, "needs " + w + "hold here", formTokens.issue(author.id()));
		assertThat(postStatus(held.getId())).isEqualTo("PENDING");
		Post swapped = topics.reply(topic.getId(), author.id(), false, "so much " + w + "swap today", formTokens.issue(author.id()));
		assertThat(jdbc.queryForObject("select source from post where id = ?", String.class, swapped.getId()))
				.isEqualTo("so much kindness today");
		Post flagged = topics.reply(topic.getId(), author.id(), false, "a " + w + "flag word", formTokens.issue(author.id()));
		assertThat(postStatus(flagged.getId())).isEqualTo("VISIBLE");
		assertThat(jdbc.queryForObject("select count(*) from review_item where post_id = ?", Integer.class,
				flagged.getId())).isEqualTo(1);
		// Whole words only: the phrase inside a longer word is not a match.
		Post inside = topics.reply(topic.getId(), author.id(), false, "pre" + w + "blockpost", formTokens.issue(author.id()));
		assertThat(postStatus(inside.getId())).isEqualTo("VISIBLE");
	}

	@Test
	void aSilencedMemberCanReadButNotWriteAnywhere() throws Exception {
		MemberPrincipal author = members.create("silenced");
		MemberPrincipal other = members.create("neighbour");
		Topic topic = topic(author, "Before the silence");
		Topic theirs = topic(other, "Someone else's topic");
		MemberPrincipal mod = moderator();
		mvc.perform(post("/mod/members/" + author.username() + "/sanction").with(user(mod)).with(csrf())
				.param("kind", "SILENCE").param("days", "3").param("reason", "Cool down, please"))
				.andExpect(status().is3xxRedirection());
		assertThat(audits("member.silence", author.id())).isEqualTo(1);
		mvc.perform(get("/t/" + theirs.getId() + "/" + theirs.getSlug()).with(user(author))).andExpect(status().isOk());
		String reply = html(mvc.perform(post("/t/" + theirs.getId() + "/reply").with(user(author)).with(csrf())
				.param("body", "my words").param("formToken", formTokens.issue(author.id()))).andExpect(status().isForbidden()));
		assertThat(reply).contains("paused your posting");
		mvc.perform(post("/t/new").with(user(author)).with(csrf()).param("categoryId", "1").param("title", "New topic here")
				.param("body", "text").param("formToken", formTokens.issue(author.id()))).andExpect(status().isForbidden());
		long mine = firstPost(topic);
		long version = jdbc.queryForObject("select version from post where id = ?", Long.class, mine);
		mvc.perform(post("/p/" + mine + "/edit").with(user(author)).with(csrf()).param("body", "edited")
				.param("version", String.valueOf(version))).andExpect(status().isForbidden());
		mvc.perform(post("/p/" + firstPost(theirs) + "/react").with(user(author)).with(csrf()).param("kind", "HUG"))
				.andExpect(status().isForbidden());
		// Reporting stays open to a silenced member: it reaches moderators only (see SanctionGuard).
		flag(author, firstPost(theirs), "SPAM").andExpect(status().is3xxRedirection());
		assertThat(html(mvc.perform(post("/plans/new").with(user(author)).with(csrf()).param("title", "A plan while silenced")
				.param("startDate", LocalDate.now().minusDays(1).toString()).param("target", "30")
				.param("visibility", "PRIVATE").param("formToken", formTokens.issue(author.id())))
				.andExpect(status().isForbidden()))).contains("paused your posting");
		assertThat(jdbc.queryForObject("select count(*) from post where author_id = ?", Integer.class, author.id())).isEqualTo(1);

		mvc.perform(post("/mod/members/" + author.username() + "/lift").with(user(mod)).with(csrf()).param("reason", "ok"))
				.andExpect(status().is3xxRedirection());
		mvc.perform(post("/t/" + theirs.getId() + "/reply").with(user(author)).with(csrf()).param("body", "back again")
				.param("formToken", formTokens.issue(author.id()))).andExpect(status().is3xxRedirection());
	}

	@Test
	void aSuspendedMemberSeesTheReasonAndEndDateWhenSigningIn() throws Exception {
		MemberPrincipal member = members.create("suspended");
		MemberPrincipal mod = moderator();
		mvc.perform(post("/mod/members/" + member.username() + "/sanction").with(user(mod)).with(csrf())
				.param("kind", "SUSPEND").param("days", "7").param("reason", "Shared someone's number"))
				.andExpect(status().is3xxRedirection());
		var failed = mvc.perform(post("/login").with(csrf()).param("login", member.username())
				.param("password", Members.PASSWORD)).andExpect(status().is3xxRedirection()).andReturn();
		String page = html(mvc.perform(get("/login").session((MockHttpSession) failed
				.getRequest().getSession(false))));
		assertThat(page).contains("Your account is suspended", "Shared someone's number");
		var wrong = mvc.perform(post("/login").with(csrf()).param("login", member.username())
				.param("password", "not the right password")).andReturn();
		String wrongPage = html(mvc.perform(get("/login").session((MockHttpSession) wrong
				.getRequest().getSession(false))));
		assertThat(wrongPage).contains("don't match").doesNotContain("Your account is suspended");
		mvc.perform(post("/mod/members/" + member.username() + "/sanction").with(user(mod)).with(csrf())
				.param("kind", "BAN").param("reason", "no")).andExpect(status().isForbidden());
	}

	@Test
	void moderatorAndAdminPagesRefuseMembersAndGuests() throws Exception {
		MemberPrincipal member = members.create("curious");
		for (String page : List.of("/mod", "/mod/members", "/mod/members/" + member.username(), "/admin/watched-words",
				"/admin/audit", "/mod/posts/1/edit")) {
			mvc.perform(get(page).with(user(member))).andExpect(status().isForbidden());
			mvc.perform(get(page)).andExpect(status().is3xxRedirection());
		}
		MemberPrincipal mod = moderator();
		mvc.perform(get("/admin/audit").with(user(mod))).andExpect(status().isForbidden());
		mvc.perform(get("/mod/members/" + member.username()).with(user(mod))).andExpect(status().isOk());
		mvc.perform(get("/mod/members/no-such-member-here").with(user(mod))).andExpect(status().isNotFound());
	}

	@Test
	void everyStaffActionWritesExactlyOneAuditEntry() throws Exception {
		MemberPrincipal admin = members.admin("auditor");
		MemberPrincipal author = members.create("audited");
		Topic topic = topic(author, "Audited topic");
		int before = jdbc.queryForObject("select count(*) from audit_log", Integer.class);
		mvc.perform(post("/mod/t/" + topic.getId() + "/pin").with(user(admin)).with(csrf()).param("pinned", "true"));
		mvc.perform(post("/mod/t/" + topic.getId() + "/lock").with(user(admin)).with(csrf()).param("locked", "true"));
		mvc.perform(post("/admin/members/" + author.id() + "/role").with(user(admin)).with(csrf()).param("role", "MODERATOR"));
		mvc.perform(post("/mod/members/" + author.username() + "/note").with(user(admin)).with(csrf()).param("note", "kind person"));
		mvc.perform(post("/mod/members/" + author.username() + "/sanction").with(user(admin)).with(csrf())
				.param("kind", "WARN").param("reason", "Please be gentle"));
		mvc.perform(post("/mod/posts/" + firstPost(topic) + "/edit").with(user(admin)).with(csrf())
				.param("body", "Edited by a moderator").param("reason", "removed a name"));
		int after = jdbc.queryForObject("select count(*) from audit_log", Integer.class);
		assertThat(after - before).isEqualTo(6);
		assertThat(audits("topic.pin", topic.getId())).isEqualTo(1);
		assertThat(audits("member.role", author.id())).isEqualTo(1);
		assertThat(jdbc.queryForObject("select before_text from audit_log where action = 'post.edit' and target_id = ?",
				String.class, firstPost(topic))).isEqualTo("Audited topic");
		String log = html(mvc.perform(get("/admin/audit").param("actor", admin.username()).with(user(admin))));
		assertThat(log).contains("topic.pin", "topic.lock", "member.role", "member.note", "member.warn", "post.edit");
	}

	@Test
	void membersWhoBlockedEachOtherNoLongerSeeReactToOrQuoteEachOther() throws Exception {
		MemberPrincipal blocker = members.create("blocker");
		MemberPrincipal blocked = members.create("blockee");
		MemberPrincipal bystander = members.create("bystander");
		Topic topic = topic(bystander, "A shared thread");
		Post fromBlocked = topics.reply(topic.getId(), blocked.id(), false, "Words from the blocked member",
				formTokens.issue(blocked.id()));
		Post fromBlocker = topics.reply(topic.getId(), blocker.id(), false, "Words from the blocker",
				formTokens.issue(blocker.id()));
		mvc.perform(post("/u/" + blocked.username() + "/block").with(user(blocker)).with(csrf()).param("block", "true"))
				.andExpect(status().is3xxRedirection());
		String url = "/t/" + topic.getId() + "/" + topic.getSlug();
		assertThat(html(mvc.perform(get(url).with(user(blocker))))).doesNotContain("Words from the blocked member")
				.contains("A post from a member you blocked");
		assertThat(html(mvc.perform(get(url).with(user(blocked))))).doesNotContain("Words from the blocker");
		assertThat(html(mvc.perform(get(url).with(user(bystander))))).contains("Words from the blocked member",
				"Words from the blocker");
		mvc.perform(post("/p/" + fromBlocker.getId() + "/react").with(user(blocked)).with(csrf()).param("kind", "HUG"))
				.andExpect(status().isForbidden());
		assertThat(html(mvc.perform(get(url).param("quote", String.valueOf(fromBlocked.getId())).with(user(blocker)))))
				.doesNotContain("> Words from the blocked member");
		String marker = "zq" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 6);
		topics.reply(topic.getId(), blocked.id(), false, "Searchable words " + marker, formTokens.issue(blocked.id()));
		assertThat(html(mvc.perform(get("/search").param("q", marker).with(user(blocker))))).doesNotContain("Searchable words");
		assertThat(html(mvc.perform(get("/search").param("q", marker).with(user(bystander))))).contains(topic.getTitle());
		mvc.perform(post("/u/" + blocked.username() + "/block").with(user(blocker)).with(csrf()).param("block", "false"));
		assertThat(html(mvc.perform(get(url).with(user(blocker))))).contains("Words from the blocked member");
		mvc.perform(post("/u/" + blocker.username() + "/block").with(user(blocker)).with(csrf()).param("block", "true"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void approvalOfNewMembersFirstPostsCanBeSwitchedOn() throws Exception {
		int before = properties.getApproveFirstPosts();
		properties.setApproveFirstPosts(1);
		try {
			MemberPrincipal newbie = members.create("newbie");
			Topic topic = topic(newbie, "My very first words");
			assertThat(postStatus(firstPost(topic))).isEqualTo("PENDING");
			assertThat(html(mvc.perform(get("/latest")))).doesNotContain(topic.getTitle());
			assertThat(html(mvc.perform(get("/mod").with(user(moderator()))))).contains("New member");
		}
		finally {
			properties.setApproveFirstPosts(before);
		}
	}
}
