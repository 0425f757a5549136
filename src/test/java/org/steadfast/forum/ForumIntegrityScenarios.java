package org.steadfast.forum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.support.Members;
import org.steadfast.support.Unique;

/**
 * The forum's counters, rules and edits when many requests arrive at the same moment: each test
 * fires its requests from parallel threads released together by one latch, and asserts the exact
 * outcome. Runs on H2 ({@link ForumIntegrityH2IT}) and MariaDB ({@link ForumIntegrityMariaDbIT}),
 * where lock order matters most.
 */
abstract class ForumIntegrityScenarios {

	static final int AT_ONCE = 10;

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
	ForumProperties limits;

	private Duration minTimeBefore;
	private int capBefore;
	private long deadlocksBefore;

	@BeforeEach
	void rememberLimits() {
		minTimeBefore = limits.getMinTimeBetweenPosts();
		capBefore = limits.getNewMemberDailyCap();
		deadlocksBefore = TransientRetries.deadlocks();
	}

	/** Retries are the safety net; every write keeping one lock order is what makes them rare. */
	@AfterEach
	void noDeadlockWasMet() {
		limits.setMinTimeBetweenPosts(minTimeBefore);
		limits.setNewMemberDailyCap(capBefore);
		assertThat(TransientRetries.deadlocks()).as("deadlocks met and retried").isEqualTo(deadlocksBefore);
	}

	/** The responses to {@code n} requests sent at the same moment, in request order. */
	List<MockHttpServletResponse> atOnce(int n, IntFunction<MockHttpServletRequestBuilder> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch ready = new CountDownLatch(n);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				MockHttpServletRequestBuilder builder = request.apply(i);
				sent.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return mvc.perform(builder).andReturn().getResponse();
				}));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (var f : sent) {
				responses.add(f.get(120, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static String text(MockHttpServletResponse response) throws Exception {
		return HtmlUtils.htmlUnescape(response.getContentAsString());
	}

	static List<Integer> statuses(List<MockHttpServletResponse> responses) {
		return responses.stream().map(MockHttpServletResponse::getStatus).toList();
	}

	long category(String slug) {
		return categories.findBySlug(slug).orElseThrow().getId();
	}

	long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	static String unique(String title) {
		return title + " " + UUID.randomUUID().toString().substring(0, 6);
	}

	Topic topic(MemberPrincipal author, String title) {
		return topics.startTopic(author.id(), TopicService.NewTopic.discussion(category("starting-out"), title,
				"First post of " + title, List.of()), formTokens.issue(author.id()));
	}

	List<MemberPrincipal> members(String prefix, int n) {
		List<MemberPrincipal> created = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			created.add(members.create(prefix));
		}
		return created;
	}

	MockHttpServletRequestBuilder reply(MemberPrincipal who, long topicId, String body) {
		return post("/t/" + topicId + "/reply").with(user(who)).with(csrf()).param("body", body)
				.param("formToken", formTokens.issue(who.id()));
	}

	@Test
	void tenMembersStartingTopicsInOneCategoryAtOnceGetTenTopicsAndACountOfTen() throws Exception {
		long category = category("they-reached-out");
		List<MemberPrincipal> writers = members("starter", AT_ONCE);
		String tag = "same-evening-" + UUID.randomUUID().toString().substring(0, 6);
		long topicsBefore = count("select count(*) from topic where category_id = ?", category);
		long counterBefore = count("select topic_count from category where id = ?", category);
		String run = Unique.letters(8);

		var responses = atOnce(AT_ONCE, i -> post("/t/new").with(user(writers.get(i))).with(csrf())
				.param("categoryId", String.valueOf(category)).param("title", "They texted tonight " + run + " " + i)
				.param("body", "Words of member " + i + " that must never be lost").param("tags", tag + ", texts")
				.param("formToken", formTokens.issue(writers.get(i).id())));

		assertThat(statuses(responses)).containsOnly(302);
		assertThat(count("select count(*) from topic where category_id = ?", category)).isEqualTo(topicsBefore + AT_ONCE);
		assertThat(count("select topic_count from category where id = ?", category)).isEqualTo(counterBefore + AT_ONCE);
		assertThat(count("select count(*) from topic where title like ?", "They texted tonight " + run + "%"))
				.isEqualTo(AT_ONCE);
		assertThat(count("select topic_count from tag where name = ?", tag)).isEqualTo(AT_ONCE);
	}

	@Test
	void tenTopicsAcrossEveryCategorySharingNewTagsAtOnceAreAllCountedOnce() throws Exception {
		List<Long> open = categories.findAllByOrderByPositionAsc().stream().filter(c -> !c.isArchived())
				.map(Category::getId).toList();
		List<MemberPrincipal> writers = members("tagger", AT_ONCE);
		String fresh = "new-tag-" + UUID.randomUUID().toString().substring(0, 6);
		String shared = "shared-" + UUID.randomUUID().toString().substring(0, 6);
		long totalBefore = count("select sum(topic_count) from category");

		var responses = atOnce(AT_ONCE, i -> post("/t/new").with(user(writers.get(i))).with(csrf())
				.param("categoryId", String.valueOf(open.get(i % open.size()))).param("title", unique("Across the forum"))
				.param("body", "Tagged words " + i).param("tags", i % 2 == 0 ? fresh + ", " + shared : shared + ", " + fresh)
				.param("formToken", formTokens.issue(writers.get(i).id())));

		assertThat(statuses(responses)).containsOnly(302);
		assertThat(count("select sum(topic_count) from category")).isEqualTo(totalBefore + AT_ONCE);
		assertThat(count("select count(*) from tag where name = ?", fresh)).isEqualTo(1);
		assertThat(count("select topic_count from tag where name = ?", fresh)).isEqualTo(AT_ONCE);
		assertThat(count("select topic_count from tag where name = ?", shared)).isEqualTo(AT_ONCE);
	}

	@Test
	void tenRepliesToOneTopicAtOnceGetTenPostsInOrderAndAReplyCountOfTen() throws Exception {
		Topic topic = topic(members.create("replied"), unique("Everyone answers at once"));
		List<MemberPrincipal> repliers = members("answerer", AT_ONCE);

		var responses = atOnce(AT_ONCE, i -> reply(repliers.get(i), topic.getId(), "Answer number " + i));

		assertThat(statuses(responses)).containsOnly(302);
		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(AT_ONCE + 1);
		assertThat(count("select reply_count from topic where id = ?", topic.getId())).isEqualTo(AT_ONCE);
		assertThat(count("select count(distinct number) from post where topic_id = ?", topic.getId())).isEqualTo(AT_ONCE + 1);
		assertThat(count("select max(number) from post where topic_id = ?", topic.getId())).isEqualTo(AT_ONCE + 1);
	}

	@Test
	void tenMembersStartingPlansAtOnceGetTenPlansAndTheCategoryCountsThemAll() throws Exception {
		long category = category("daily-check-ins");
		List<MemberPrincipal> planners = members("planner", AT_ONCE);
		long counterBefore = count("select topic_count from category where id = ?", category);
		String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

		var responses = atOnce(AT_ONCE, i -> post("/plans/new").with(user(planners.get(i))).with(csrf())
				.param("title", "No contact, for me " + i).param("statement", "Nothing, not friends.")
				.param("startDate", today).param("target", "30").param("customDays", "").param("reasons", "Peace")
				.param("triggers", "Nights").param("instead", "Walk").param("visibility", "MEMBERS")
				.param("formToken", formTokens.issue(planners.get(i).id())));

		assertThat(statuses(responses)).containsOnly(302);
		for (MemberPrincipal planner : planners) {
			assertThat(count("select count(*) from plan where member_id = ?", planner.id())).isEqualTo(1);
		}
		assertThat(count("select topic_count from category where id = ?", category)).isEqualTo(counterBefore + AT_ONCE);
	}

	@Test
	void tenEditsFromOneVersionGiveOneEditAndNineConflictPagesWithTheirText() throws Exception {
		MemberPrincipal author = members.create("reviser");
		Topic topic = topic(author, unique("Edited from many tabs"));
		Post post = topics.reply(topic.getId(), author.id(), false, "The words before", formTokens.issue(author.id()));
		long version = count("select version from post where id = ?", post.getId());

		var responses = atOnce(AT_ONCE, i -> post("/p/" + post.getId() + "/edit").with(user(author)).with(csrf())
				.param("body", "Rewritten in tab " + i).param("version", String.valueOf(version)));

		assertThat(statuses(responses)).containsOnly(302, 409);
		assertThat(statuses(responses).stream().filter(s -> s == 302)).hasSize(1);
		String saved = jdbc.queryForObject("select source from post where id = ?", String.class, post.getId());
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).getStatus() == 409) {
				assertThat(text(responses.get(i))).contains("Someone changed this post", "Rewritten in tab " + i, saved);
			}
			else {
				assertThat(saved).isEqualTo("Rewritten in tab " + i);
			}
		}
		assertThat(count("select edit_count from post where id = ?", post.getId())).isEqualTo(1);
		assertThat(count("select count(*) from post_revision where post_id = ?", post.getId())).isEqualTo(1);
	}

	@Test
	void tenIdenticalRepliesAtOnceByOneMemberCreateOnePostAndTheOthersKeepTheirText() throws Exception {
		MemberPrincipal author = members.create("eager");
		Topic topic = topic(author, unique("Said once"));

		var responses = atOnce(AT_ONCE, i -> reply(author, topic.getId(), "The same heartfelt words"));

		assertThat(statuses(responses)).containsOnly(200, 302);
		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(2);
		var refused = responses.stream().filter(r -> r.getStatus() == 200).toList();
		assertThat(refused).hasSize(AT_ONCE - 1);
		for (var r : refused) {
			assertThat(text(r)).contains("You posted the same text a moment ago", "The same heartfelt words");
		}
	}

	@Test
	void tenRepliesAtOnceWithinTheMinimumTimeCreateOnePost() throws Exception {
		MemberPrincipal author = members.create("hasty");
		Topic topic = topic(members.create("other"), unique("One at a time"));
		limits.setMinTimeBetweenPosts(Duration.ofSeconds(10));

		var responses = atOnce(AT_ONCE, i -> reply(author, topic.getId(), "Thought number " + i));

		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(2);
		assertThat(statuses(responses)).containsOnly(200, 302);
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).getStatus() == 200) {
				assertThat(text(responses.get(i))).contains("You are posting very quickly", "Thought number " + i);
			}
		}
		assertThat(statuses(responses).stream().filter(s -> s == 200)).hasSize(AT_ONCE - 1);
	}

	@Test
	void tenTopicsAtOnceWithinTheMinimumTimeCreateOneTopic() throws Exception {
		MemberPrincipal author = members.create("flood");
		long category = category("advice");
		limits.setMinTimeBetweenPosts(Duration.ofSeconds(10));
		String run = Unique.letters(8);

		var responses = atOnce(AT_ONCE, i -> post("/t/new").with(user(author)).with(csrf())
				.param("categoryId", String.valueOf(category)).param("title", "Question " + run + " " + i)
				.param("body", "Details number " + i).param("tags", "")
				.param("formToken", formTokens.issue(author.id())));

		assertThat(count("select count(*) from topic where author_id = ?", author.id())).isEqualTo(1);
		assertThat(statuses(responses)).containsOnly(200, 302);
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).getStatus() == 200) {
				assertThat(text(responses.get(i))).contains("You are posting very quickly", "Details number " + i);
			}
		}
	}

	@Test
	void aNewMembersDailyCapHoldsAgainstRepliesSentAtOnce() throws Exception {
		MemberPrincipal author = members.create("newbie");
		Topic topic = topic(author, unique("My first day"));
		limits.setNewMemberDailyCap(3);

		var responses = atOnce(AT_ONCE, i -> reply(author, topic.getId(), "Day one thought " + i));

		// The topic's first post counts: two replies fit under the cap of three.
		assertThat(count("select count(*) from post where author_id = ?", author.id())).isEqualTo(3);
		assertThat(statuses(responses).stream().filter(s -> s == 302)).hasSize(2);
		for (int i = 0; i < AT_ONCE; i++) {
			if (responses.get(i).getStatus() != 302) {
				assertThat(responses.get(i).getStatus()).isEqualTo(200);
				assertThat(text(responses.get(i))).contains("limited number of times on their first day",
						"Day one thought " + i);
			}
		}
	}

	@Test
	void aTopicWhoseFirstPostWasDeletedTakesNoReplies() throws Exception {
		MemberPrincipal author = members.create("regretful");
		MemberPrincipal replier = members.create("toolate");
		Topic topic = topic(author, unique("Taken back"));
		long first = count("select id from post where topic_id = ? and number = 1", topic.getId());
		topics.delete(first, author.id(), false);

		var response = mvc.perform(reply(replier, topic.getId(), "A reply to nothing")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(text(response)).contains("no longer takes replies", "A reply to nothing");
		assertThat(count("select count(*) from post where topic_id = ?", topic.getId())).isEqualTo(1);
		assertThat(count("select reply_count from topic where id = ?", topic.getId())).isZero();
	}
}
