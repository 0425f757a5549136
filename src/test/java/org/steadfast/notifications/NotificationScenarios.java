package org.steadfast.notifications;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.MemberService;
import org.steadfast.forum.CategoryRepository;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Post;
import org.steadfast.forum.ReactionKind;
import org.steadfast.forum.ReactionService;
import org.steadfast.forum.Topic;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.TopicService;
import org.steadfast.forum.Visibility;
import org.steadfast.moderation.Decision;
import org.steadfast.moderation.FlagReason;
import org.steadfast.moderation.ModerationService;
import org.steadfast.support.Members;
import org.steadfast.support.StatementCounter;
import org.steadfast.text.Markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


/**
 * Notifications as members meet them: follows, replies, mentions, quotes, reactions, blocks and
 * preferences. Runs on H2 ({@link NotificationsH2IT}) and MariaDB ({@link NotificationsMariaDbIT}).
 */
abstract class NotificationScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Members members;

	@Autowired
	MemberService memberService;

	@Autowired
	TopicService topics;

	@Autowired
	ReactionService reactions;

	@Autowired
	FormTokens formTokens;

	@Autowired
	CategoryRepository categories;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	ModerationService moderation;

	Topic topic(MemberPrincipal author, String body) {
		long category = categories.findBySlug("starting-out").orElseThrow().getId();
		return topics.startTopic(author.id(), TopicService.NewTopic.discussion(category,
				"Hard evening " + UUID.randomUUID().toString().substring(0, 6), body, List.of()),
				formTokens.issue(author.id()));
	}

	Post reply(MemberPrincipal author, Topic topic, String body) {
		return topics.reply(topic.getId(), author.id(), false, body, formTokens.issue(author.id()));
	}

	String html(ResultActions result) throws Exception {
		return HtmlUtils.htmlUnescape(result.andReturn().getResponse().getContentAsString());
	}

	final LocalDateTime started = Settle.mark();

	List<String> messages(MemberPrincipal member) {
		Settle.events(jdbc, started);
		return notifications.page(member.id(), 1).items().stream().map(NotificationView::message).toList();
	}

	@Test
	void aReplyReachesTheTopicAuthorAsABellCountAndANotificationThatOpensThePost() throws Exception {
		MemberPrincipal author = members.create("bellauthor");
		MemberPrincipal helper = members.create("bellhelper");
		Topic topic = topic(author, "I miss them tonight.");
		Post post = reply(helper, topic, "One hour at a time. You are not alone.");

		Settle.events(jdbc, started);
		assertThat(notifications.unreadCount(author.id())).isEqualTo(1);
		String home = html(mvc.perform(get("/latest").with(user(author))).andExpect(status().isOk()));
		assertThat(home).contains("Notifications: 1 unread", "bell__count");
		String page = html(mvc.perform(get("/notifications").with(user(author))).andExpect(status().isOk()));
		assertThat(page).contains(helper.displayName() + " replied in \u201c" + topic.getTitle() + "\u201d");

		long id = notifications.page(author.id(), 1).items().get(0).id();
		mvc.perform(post("/notifications/" + id + "/open").with(user(author)).with(csrf()))
				.andExpect(redirectedUrl("/p/" + post.getId()));
		assertThat(notifications.unreadCount(author.id())).isZero();
		// The replier follows the topic now, and hears of the author's answer.
		reply(author, topic, "Thank you, it helps.");
		assertThat(messages(helper)).anyMatch(m -> m.startsWith(author.displayName() + " replied"));
	}

	@Test
	void someoneElsesNotificationIsNotFound() throws Exception {
		MemberPrincipal author = members.create("ownnote");
		MemberPrincipal other = members.create("nosy");
		reply(members.create("replier"), topic(author, "Still here."), "So are we.");
		Settle.events(jdbc, started);
		long id = notifications.page(author.id(), 1).items().get(0).id();
		mvc.perform(post("/notifications/" + id + "/open").with(user(other)).with(csrf())).andExpect(status().isNotFound());
		assertThat(notifications.unreadCount(author.id())).isEqualTo(1);
	}

	@Test
	void aMentionLinksToTheProfileAndNotifiesThatMemberOnce() throws Exception {
		MemberPrincipal author = members.create("mentioner");
		MemberPrincipal named = members.create("mentioned");
		Topic topic = topic(author, "Thank you @" + named.username() + " and @nobody_here_x for yesterday.");
		String html = jdbc.queryForObject("select html from post where topic_id = ? and number = 1", String.class,
				topic.getId());
		assertThat(HtmlUtils.htmlUnescape(html)).contains("<a href=\"/u/" + named.username()
				+ "\" class=\"mention\" rel=\"nofollow ugc noopener\">@" + named.username() + "</a>");
		assertThat(HtmlUtils.htmlUnescape(html)).contains(" and @nobody_here_x for").doesNotContain("/u/nobody_here_x");
		assertThat(messages(named)).containsExactly(author.displayName() + " mentioned you in \u201c" + topic.getTitle() + "\u201d");
	}

	Post edit(MemberPrincipal editor, long postId, String body) {
		long version = jdbc.queryForObject("select version from post where id = ?", Long.class, postId);
		return topics.edit(postId, editor.id(), false, null, body, version);
	}

	long firstPost(Topic topic) {
		return jdbc.queryForObject("select id from post where topic_id = ? and number = 1", Long.class, topic.getId());
	}

	@Test
	void anEditThatNamesSomeoneNewTellsOnlyThemAndOnlyOnce() {
		MemberPrincipal author = members.create("editor");
		MemberPrincipal first = members.create("namedfirst");
		MemberPrincipal added = members.create("namedlater");
		Topic topic = topic(author, "Thank you @" + first.username() + ".");
		long post = firstPost(topic);
		assertThat(messages(first)).hasSize(1);

		edit(author, post, "Thank you @" + first.username() + " and @" + added.username() + ".");
		String mention = author.displayName() + " mentioned you in \u201c" + topic.getTitle() + "\u201d";
		assertThat(messages(added)).containsExactly(mention);
		assertThat(messages(first)).hasSize(1);

		// Another edit, and a mention taken out and put back, tell nobody again.
		edit(author, post, "Thank you @" + first.username() + ".");
		edit(author, post, "Thank you so much @" + first.username() + " and @" + added.username() + ".");
		assertThat(messages(added)).containsExactly(mention);
		assertThat(messages(first)).hasSize(1);
	}

	/** Approves the post's open review item as a moderator would, from the queue. */
	void approve(long postId, MemberPrincipal moderator) {
		Settle.events(jdbc, started);
		var item = jdbc.queryForMap("select id, version from review_item where post_id = ? and status = 'OPEN'", postId);
		moderation.decide(((Number) item.get("id")).longValue(), ((Number) item.get("version")).longValue(),
				moderator.id(), Decision.APPROVE, null, null);
	}

	String postStatus(long postId) {
		return jdbc.queryForObject("select status from post where id = ?", String.class, postId);
	}

	@Test
	void aHeldPostThatAModeratorApprovesTellsWhoItMentionsOnceAndOnlyOnce() {
		MemberPrincipal author = members.create("heldwriter");
		MemberPrincipal named = members.create("heldnamed");
		MemberPrincipal moderator = members.admin("heldmod");
		Topic topic = topic(members.create("heldhost"), "A long week.");
		Post held = reply(author, topic, "Thank you @" + named.username() + ", his number is +44 7700 900123, should I?");
		assertThat(postStatus(held.getId())).isEqualTo("PENDING");
		assertThat(messages(named)).isEmpty();

		approve(held.getId(), moderator);
		String mention = author.displayName() + " mentioned you in \u201c" + topic.getTitle() + "\u201d";
		assertThat(messages(named)).containsExactly(mention);

		// Held again by an edit and approved again, then edited once more: told once all the same.
		edit(author, held.getId(), "Thank you @" + named.username() + ", his number is +44 7700 900124 now.");
		assertThat(postStatus(held.getId())).isEqualTo("PENDING");
		approve(held.getId(), moderator);
		edit(author, held.getId(), "Thank you so much @" + named.username() + ".");
		assertThat(postStatus(held.getId())).isEqualTo("VISIBLE");
		assertThat(messages(named)).containsExactly(mention);
	}

	@Test
	void anEditMentionsNobodyAcrossABlockIntoAPostTheyMayNotReadOrWhoTurnedMentionsOff() throws Exception {
		MemberPrincipal author = members.create("edblock");
		MemberPrincipal blocked = members.create("edblocked");
		MemberPrincipal outsider = members.create("edoutside");
		MemberPrincipal quiet = members.create("edquiet");
		memberService.block(blocked.id(), author.id());
		mvc.perform(post("/settings/notifications").with(user(quiet)).with(csrf()).param("kind.MENTION", "OFF")
				.param("digest", "OFF").param("digestHour", "8"))
				.andExpect(redirectedUrl("/settings/notifications"));
		Topic discussion = topic(author, "A calm day.");
		edit(author, firstPost(discussion), "A calm day. Hi @" + blocked.username() + " and @" + quiet.username() + ".");

		long category = categories.findBySlug("daily-check-ins").orElseThrow().getId();
		Topic plan = topics.startTopic(author.id(), new TopicService.NewTopic(category, "My plan " + UUID.randomUUID(),
				"Only for me.", List.of(), TopicKind.PLAN, Visibility.PRIVATE),
				formTokens.issue(author.id()));
		edit(author, firstPost(plan), "Only for me. Not even @" + outsider.username() + ".");

		assertThat(messages(blocked)).isEmpty();
		assertThat(messages(quiet)).isEmpty();
		assertThat(messages(outsider)).isEmpty();
	}

	@Test
	void aCrisisConcernGivesTheAuthorAPrivateKindWordAndTellsModeratorsWithoutSayingWhoFlagged() throws Exception {
		MemberPrincipal author = members.create("worried");
		MemberPrincipal flagger = members.create("caring");
		MemberPrincipal another = members.create("caring");
		MemberPrincipal moderator = members.admin("crisismod");
		Topic topic = topic(author, "A rough night, but I am still here.");
		long post = firstPost(topic);

		moderation.flag(post, flagger.id(), FlagReason.CRISIS, "");
		moderation.flag(post, another.id(), FlagReason.CRISIS, "");

		Settle.events(jdbc, started);
		List<NotificationView> told = notifications.page(author.id(), 1).items().stream()
				.filter(n -> n.kind() == NotificationKind.CRISIS_CONCERN).toList();
		assertThat(told).singleElement().satisfies(n -> {
			assertThat(n.message()).startsWith("Someone here is thinking of you.");
			assertThat(n.link()).isEqualTo("/help");
		});
		String page = html(mvc.perform(get("/notifications").with(user(author))).andExpect(status().isOk()));
		assertThat(page).contains("Someone here is thinking of you.")
				.doesNotContain(flagger.displayName(), another.displayName(), flagger.username(), another.username());
		assertThat(jdbc.queryForObject("select count(*) from notification where member_id = ? and kind = 'CRISIS_CONCERN' "
				+ "and (actor_id is not null or post_id is not null)", Integer.class, author.id())).isZero();

		List<NotificationView> queue = notifications.page(moderator.id(), 1).items().stream()
				.filter(n -> n.kind() == NotificationKind.CRISIS_QUEUE).toList();
		assertThat(queue).singleElement().satisfies(n -> assertThat(n.link()).isEqualTo("/mod"));
		assertThat(html(mvc.perform(get("/settings/notifications").with(user(moderator))).andExpect(status().isOk())))
				.contains("Crisis concerns waiting in the review queue");
		assertThat(html(mvc.perform(get("/settings/notifications").with(user(author))).andExpect(status().isOk())))
				.contains("A member is worried about you").doesNotContain("Crisis concerns waiting");
	}

	@Test
	void quotingAPostTellsItsAuthorTheyWereQuoted() {
		MemberPrincipal author = members.create("quoted");
		MemberPrincipal quoter = members.create("quoter");
		Topic topic = topic(author, "No contact is hard.");
		reply(quoter, topic, Markdown.quote(author.username(), "No contact is hard.") + "It is. Day 3 here.");
		assertThat(messages(author)).containsExactly(quoter.displayName() + " quoted you in \u201c" + topic.getTitle() + "\u201d");
	}

	@Test
	void reactionsToOnePostAreGatheredIntoOneNotification() {
		MemberPrincipal author = members.create("hugged");
		Topic topic = topic(author, "Day one.");
		long firstPost = jdbc.queryForObject("select id from post where topic_id = ? and number = 1", Long.class, topic.getId());
		for (int i = 0; i < 3; i++) {
			reactions.toggle(firstPost, members.create("hugger").id(), ReactionKind.HUG);
			Settle.events(jdbc, started);
		}
		assertThat(messages(author)).containsExactly("3 people sent \uD83E\uDD17 a hug for your post in \u201c" + topic.getTitle() + "\u201d");
		assertThat(notifications.unreadCount(author.id())).isEqualTo(1);
	}

	@Test
	void membersWhoBlockedEachOtherNeverNotifyEachOther() {
		MemberPrincipal author = members.create("blocker");
		MemberPrincipal blocked = members.create("blockee");
		Topic topic = topic(author, "A quiet day.");
		memberService.block(author.id(), blocked.id());
		reply(blocked, topic, "Hello @" + author.username());
		assertThat(messages(author)).isEmpty();
	}

	@Test
	void unfollowingATopicStopsItsReplyNotifications() throws Exception {
		MemberPrincipal author = members.create("unfollower");
		Topic topic = topic(author, "Going quiet for a while.");
		mvc.perform(post("/t/" + topic.getId() + "/follow").param("follow", "false").with(user(author)).with(csrf()))
				.andExpect(redirectedUrl("/t/" + topic.getId()));
		reply(members.create("replier"), topic, "Take care.");
		assertThat(messages(author)).isEmpty();
		mvc.perform(post("/t/" + topic.getId() + "/follow").param("follow", "true").with(user(author)).with(csrf()));
		reply(members.create("replier"), topic, "Thinking of you.");
		assertThat(messages(author)).hasSize(1);
	}

	@Test
	void aReplyInATopicMadePrivateReachesNoFormerFollower() {
		MemberPrincipal owner = members.create("private");
		MemberPrincipal follower = members.create("follower");
		long category = categories.findBySlug("daily-check-ins").orElseThrow().getId();
		Topic topic = topics.startTopic(owner.id(), new TopicService.NewTopic(category, "My plan " + UUID.randomUUID(),
				"My notes.", List.of(), TopicKind.PLAN, Visibility.PUBLIC),
				formTokens.issue(owner.id()));
		reply(follower, topic, "Following along.");
		topics.changeVisibility(topic.getId(), owner.id(), Visibility.PRIVATE);
		reply(owner, topic, "Just for me now.");
		assertThat(messages(follower)).isEmpty();
	}

	@Test
	void preferencesTurnAKindOffAndRefuseUnknownKindsWithoutSaving() throws Exception {
		MemberPrincipal author = members.create("prefs");
		mvc.perform(post("/settings/notifications").with(user(author)).with(csrf()).param("kind.REPLY", "OFF")
				.param("digest", "OFF").param("digestHour", "8"))
				.andExpect(redirectedUrl("/settings/notifications"));
		reply(members.create("replier"), topic(author, "Quiet please."), "Of course.");
		assertThat(messages(author)).isEmpty();

		String refused = html(mvc.perform(post("/settings/notifications").with(user(author)).with(csrf())
				.param("kind.REPLY", "IN_APP").param("kind.GOSSIP", "EMAIL").param("digest", "OFF").param("digestHour", "8"))
				.andExpect(status().isOk()));
		assertThat(refused).contains("That form had a kind of notification or a choice we don't know");
		assertThat(jdbc.queryForObject("select channel from notification_preference where member_id = ? and kind = 'REPLY'",
				String.class, author.id())).isEqualTo("OFF");
		String form = html(mvc.perform(get("/settings/notifications").with(user(author))).andExpect(status().isOk()));
		assertThat(form).contains("SOS from your partner");
	}

	@Test
	void emailNotificationsGoOnlyToAConfirmedAddress() throws Exception {
		MemberPrincipal unconfirmed = members.create("unconf");
		MemberPrincipal confirmed = members.create("conf");
		jdbc.update("update member set email_verified = true where id = ?", confirmed.id());
		for (MemberPrincipal m : List.of(unconfirmed, confirmed)) {
			mvc.perform(post("/settings/notifications").with(user(m)).with(csrf()).param("kind.REPLY", "EMAIL")
					.param("digest", "OFF").param("digestHour", "8"));
			reply(members.create("replier"), topic(m, "Mail me."), "Here you go.");
		}
		Settle.events(jdbc, started);
		assertThat(jdbc.queryForObject("select count(*) from mail_outbox where member_id = ? and kind = 'NOTIFICATION'",
				Integer.class, unconfirmed.id())).isZero();
		assertThat(jdbc.queryForObject("select subject from mail_outbox where member_id = ? and kind = 'NOTIFICATION'",
				String.class, confirmed.id())).contains("replied in");
	}

	@Test
	void theNotificationsPageCostsAFixedNumberOfStatements() throws Exception {
		MemberPrincipal author = members.create("many");
		Topic topic = topic(author, "Lots of replies.");
		for (int i = 0; i < 12; i++) {
			reply(members.create("replier"), topic, "Reply " + i);
		}
		Settle.events(jdbc, started);
		mvc.perform(get("/notifications").with(user(author))).andExpect(status().isOk());
		int count = statements.count(() -> mvc.perform(get("/notifications").with(user(author))).andExpect(status().isOk()));
		assertThat(count).isLessThanOrEqualTo(3);
	}

	@Test
	void administratorsReadTheOutboxAndMembersMayNot() throws Exception {
		MemberPrincipal admin = members.admin("mailadmin");
		MemberPrincipal member = members.create("outboxer");
		String list = html(mvc.perform(get("/admin/mail").with(user(admin))).andExpect(status().isOk()));
		assertThat(list).contains("No SMTP server is configured", "Confirm your email address");
		long id = jdbc.queryForObject("select max(id) from mail_outbox where to_address = ?", Long.class,
				member.username() + "@example.org");
		String mail = html(mvc.perform(get("/admin/mail/" + id).with(user(admin))).andExpect(status().isOk()));
		assertThat(mail).contains("https://steadfast.example/verify?token=", "Waiting");
		mvc.perform(get("/admin/mail").with(user(member))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/mail/" + id).with(user(member))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/mail/999999999").with(user(admin))).andExpect(status().isNotFound());
	}

	@Test
	void guestsAreSentToSignInForNotificationsAndPreferences() throws Exception {
		mvc.perform(get("/notifications")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/settings/notifications")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/settings/notifications").param("kind.REPLY", "OFF")).andExpect(status().isForbidden());
	}
}
