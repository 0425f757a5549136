package org.steadfast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.steadfast.accounts.TimeZones;
import org.steadfast.accounts.UsernameRules;
import org.steadfast.demo.DemoContent.Conversation;
import org.steadfast.demo.DemoContent.Person;
import org.steadfast.demo.DemoContent.Reply;
import org.steadfast.forum.PostingRules;
import org.steadfast.forum.Slugs;
import org.steadfast.forum.TagNames;
import org.steadfast.support.IntegrationTest;
import org.steadfast.text.Markdown;
import org.steadfast.text.RenderedText;

/**
 * The demo community on a database of its own (a different URL gives this class its own Spring
 * context), so that the counts below see exactly what the first start wrote.
 */
@IntegrationTest
@TestPropertySource(properties = { "steadfast.demo-data=true",
		"spring.datasource.url=jdbc:h2:mem:steadfast-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1" })
class DemoDataIT {

	private static final String[] TABLES = { "member", "topic", "post", "tag", "topic_tag", "reaction" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoData demoData;

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, count("select count(*) from " + table));
		}
		return counts;
	}

	@Test
	void firstStartSeedsMembersTopicsInEveryCategoryAndUnansweredTopics() {
		assertThat(count("select count(*) from member where email like '%@demo.invalid'"))
				.isEqualTo(DemoContent.PEOPLE.size()).isGreaterThanOrEqualTo(8);
		assertThat(count("select count(*) from member where email like '%@demo.invalid' and role = 'MODERATOR'"))
				.isEqualTo(1);
		assertThat(count("select count(*) from topic")).isEqualTo(DemoContent.CONVERSATIONS.size());
		assertThat(count("select count(*) from category c where not exists (select 1 from topic t where t.category_id = c.id)"))
				.as("categories without a demo topic").isZero();
		assertThat(count("select count(*) from topic where reply_count = 0 and kind = 'DISCUSSION' and locked = false"))
				.isGreaterThanOrEqualTo(2);
		assertThat(count("select max(reply_count) from topic")).isLessThanOrEqualTo(8);
		assertThat(count("select count(*) from tag")).isEqualTo(DemoContent.TAGS.size());
		assertThat(count("select count(*) from tag where description <> ''")).isGreaterThan(DemoContent.TAGS.size() / 2);
		assertThat(count("select count(*) from reaction")).isPositive();
		assertThat(count("""
				select count(*) from topic t join category c on c.id = t.category_id
				join post p on p.id = t.helpful_post_id and p.topic_id = t.id and p.number > 1
				where c.advice = true""")).as("advice topics with a helpful reply").isPositive();
		assertThat(count("""
				select count(*) from topic t left join post p on p.id = t.helpful_post_id
				where t.helpful_post_id is not null and (p.topic_id <> t.id or p.number = 1)""")).isZero();
	}

	@Test
	void runningAgainWritesNothing() {
		Map<String, Long> before = rowCounts();
		demoData.run(null);
		assertThat(demoData.seedIfEmpty()).isNull();
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void countersAgreeWithThePostsTheyCount() {
		assertThat(count("""
				select count(*) from topic t
				where t.reply_count <> (select count(*) - 1 from post p where p.topic_id = t.id)
				   or t.last_posted_at <> (select max(p.created_at) from post p where p.topic_id = t.id)
				   or t.created_at <> (select p.created_at from post p where p.topic_id = t.id and p.number = 1)
				   or t.author_id <> (select p.author_id from post p where p.topic_id = t.id and p.number = 1)
				   or t.last_poster_id <> (select p.author_id from post p where p.topic_id = t.id
				                           and p.number = t.reply_count + 1)""")).isZero();
		assertThat(count("""
				select count(*) from topic t
				where (select min(number) from post p where p.topic_id = t.id) <> 1
				   or (select max(number) from post p where p.topic_id = t.id) <> t.reply_count + 1""")).isZero();
		assertThat(count("""
				select count(*) from post p join post q on q.topic_id = p.topic_id and q.number = p.number + 1
				where q.created_at <= p.created_at""")).as("posts out of order").isZero();
		assertThat(count("""
				select count(*) from category c
				where c.topic_count <> (select count(*) from topic t where t.category_id = c.id)""")).isZero();
		assertThat(count("""
				select count(*) from tag g
				where g.topic_count <> (select count(*) from topic_tag tt join topic t on t.id = tt.topic_id
				                        where tt.tag_id = g.id and t.status = 'VISIBLE'
				                          and t.visibility in ('PUBLIC', 'MEMBERS'))""")).isZero();
		assertThat(count("select count(*) from tag where topic_count = 0")).as("unused tags").isZero();
		assertThat(count("select max(c) from (select count(*) c from topic_tag group by topic_id) x"))
				.isLessThanOrEqualTo(TagNames.MAX_TAGS);
	}

	@Test
	void postsAreStoredAsTopicServiceWouldStoreThem() {
		jdbc.query("select source, html, plain_text, body_hash, status from post", rs -> {
			String source = rs.getString("source");
			RenderedText rendered = Markdown.DEFAULT.render(source);
			assertThat(source).isEqualTo(PostingRules.normalizeBody(source));
			assertThat(rs.getString("html")).isEqualTo(rendered.html());
			assertThat(rs.getString("plain_text")).isEqualTo(rendered.plainText());
			assertThat(rs.getString("body_hash")).isEqualTo(PostingRules.bodyHash(source));
			assertThat(rs.getString("status")).isEqualTo("VISIBLE");
		});
		jdbc.query("select title, slug, kind, visibility, status from topic", rs -> {
			assertThat(rs.getString("slug")).isEqualTo(Slugs.slugify(rs.getString("title")));
			assertThat(rs.getString("kind")).isEqualTo("DISCUSSION");
			assertThat(rs.getString("visibility")).isEqualTo("PUBLIC");
			assertThat(rs.getString("status")).isEqualTo("VISIBLE");
		});
		assertThat(jdbc.queryForList("select html from post", String.class))
				.anyMatch(html -> html.contains("<strong>"))
				.anyMatch(html -> html.contains("<blockquote>"))
				.anyMatch(html -> html.contains("<ul>"))
				.anyMatch(html -> html.contains("<ol>"));
	}

	@Test
	void timesFallInTheLastDaysAfterTheAuthorJoined() {
		LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
		assertThat(count("select count(*) from post p join member m on m.id = p.author_id where p.created_at < m.created_at"))
				.isZero();
		assertThat(count("select count(*) from reaction r join member m on m.id = r.member_id where r.created_at < m.created_at"))
				.isZero();
		assertThat(count("select count(*) from reaction r join post p on p.id = r.post_id where r.created_at < p.created_at"))
				.isZero();
		assertThat(count("select count(*) from post where created_at > ? or created_at < ?", now, now.minusDays(11)))
				.isZero();
		assertThat(count("select count(*) from reaction where created_at > ?", now)).isZero();
		assertThat(count("select count(*) from member where email_key like '%@demo.invalid' and (created_at > ? or created_at < ?)",
				now.minusDays(2), now.minusDays(31))).isZero();
	}

	@Test
	void nobodyReactsToTheirOwnPost() {
		assertThat(count("select count(*) from reaction r join post p on p.id = r.post_id where r.member_id = p.author_id"))
				.isZero();
		assertThat(jdbc.queryForList("select distinct kind from reaction", String.class))
				.isSubsetOf("HUG", "STRONG", "BEEN_THERE", "HELPED");
	}

	@Test
	void demoContentKeepsTheRulesMembersArePostingUnder() {
		for (Person person : DemoContent.PEOPLE) {
			assertThat(UsernameRules.check(person.username())).as(person.username()).isEmpty();
			assertThat(TimeZones.parse(person.timeZone())).as(person.timeZone()).isPresent();
			assertThat(person.displayName().length()).isBetween(1, 50);
		}
		for (String tag : DemoContent.TAGS.keySet()) {
			assertThat(TagNames.normalize(tag).name()).isEqualTo(tag);
		}
		for (Conversation c : DemoContent.CONVERSATIONS) {
			assertThat(PostingRules.checkTitle(c.title())).as(c.title()).isEmpty();
			assertThat(PostingRules.checkBody(c.source())).as(c.title()).isEmpty();
			assertThat(c.tags()).hasSizeLessThanOrEqualTo(TagNames.MAX_TAGS);
			for (Reply reply : c.replies()) {
				assertThat(PostingRules.checkBody(reply.source())).as(reply.source()).isEmpty();
			}
		}
	}

	@Test
	void latestPageListsDemoTopicsAndATopicPageShowsItsReplies() throws Exception {
		String latest = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(HtmlUtils.htmlUnescape(latest)).contains("Day 9: the 2am urge to text",
				"30 days today. Writing this for whoever is on day one");

		Map<String, Object> topic = jdbc.queryForMap(
				"select id, slug from topic where reply_count = (select max(reply_count) from topic) order by id limit 1");
		String page = mvc.perform(get("/t/{id}/{slug}", topic.get("id"), topic.get("slug")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> posts = jdbc.queryForList("select html from post where topic_id = ? order by number", String.class,
				topic.get("id"));
		assertThat(posts).hasSizeGreaterThan(2);
		for (String html : posts) {
			assertThat(page).contains(html);
		}
	}

	@Test
	void nobodyCanSignInAsADemoMember() throws Exception {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		AtomicInteger address = new AtomicInteger(1);
		List<Map<String, Object>> members = jdbc.queryForList(
				"select username, display_name, password_hash from member where email like '%@demo.invalid'");
		assertThat(members.stream().map(m -> m.get("password_hash")).distinct()).hasSameSizeAs(members);
		for (Map<String, Object> member : members) {
			String username = (String) member.get("username");
			String hash = (String) member.get("password_hash");
			assertThat(hash).startsWith("{bcrypt}");
			// Fewer guesses than the sign-in throttle allows, each from its own address, so that a
			// refusal here means a wrong password rather than a throttled account.
			for (String guess : List.of("", username, "password", "demo")) {
				assertThat(encoder.matches(guess, hash)).as(username + " / " + guess).isFalse();
				mvc.perform(post("/login").with(csrf()).with(r -> {
					r.setRemoteAddr("198.51.100." + address.getAndIncrement());
					return r;
				}).param("login", username).param("password", guess)).andExpect(unauthenticated());
			}
		}
	}
}
