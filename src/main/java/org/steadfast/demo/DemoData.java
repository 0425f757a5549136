package org.steadfast.demo;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steadfast.demo.DemoContent.Conversation;
import org.steadfast.demo.DemoContent.Person;
import org.steadfast.demo.DemoContent.Reaction;
import org.steadfast.demo.DemoContent.Reply;
import org.steadfast.forum.ContentStatus;
import org.steadfast.forum.PostingRules;
import org.steadfast.forum.Slugs;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Visibility;
import org.steadfast.text.Markdown;
import org.steadfast.text.RenderedText;

/**
 * Seeds the demo community on the first start of an embedded install. It writes the rows
 * directly, because TopicService would rightly refuse a burst of back-dated posts without form
 * tokens; in exchange it keeps every counter that the services maintain (reply counts, last
 * activity, category and tag counts) exactly as they would have left it.
 */
@Component
// After AdminBootstrap, so that a configured administrator exists before the demo names are checked.
@Order(10)
@ConditionalOnProperty(name = "steadfast.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final JdbcTemplate jdbc;
	private final JdbcClient client;
	private final TransactionTemplate transactions;
	private final Clock clock;

	DemoData(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.client = JdbcClient.create(jdbc);
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** How many rows one seeding wrote, by table. */
	record Written(int members, int topics, int posts, int tags, int topicTags, int reactions) {

		int rows() {
			return members + topics + posts + tags + topicTags + reactions;
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		Written written = transactions.execute(status -> seedIfEmpty());
		if (written == null) {
			return;
		}
		log.info("Seeded the demo community in {} ms: {} rows ({} members, {} topics, {} posts, {} tags, {} topic tags, {} reactions)",
				Duration.ofNanos(System.nanoTime() - started).toMillis(), written.rows(), written.members(),
				written.topics(), written.posts(), written.tags(), written.topicTags(), written.reactions());
	}

	/** The rows written, or null when the forum is not a fresh one and is left alone. */
	Written seedIfEmpty() {
		// Any topic at all means this is not a first start, or real members have begun posting.
		if (client.sql("select count(*) from topic").query(Long.class).single() > 0) {
			log.debug("Demo data not written: the forum already has topics");
			return null;
		}
		Map<String, Long> categories = categoryIds();
		List<String> missing = DemoContent.CONVERSATIONS.stream().map(Conversation::category).distinct()
				.filter(slug -> !categories.containsKey(slug)).toList();
		if (!missing.isEmpty()) {
			log.warn("Demo data skipped: categories {} do not exist", missing);
			return null;
		}
		List<String> taken = takenUsernames();
		if (!taken.isEmpty()) {
			// Never attach invented posts to a real account that happens to share a demo name.
			log.warn("Demo data skipped: usernames or emails of {} are already in use", taken);
			return null;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Map<String, Long> members = insertMembers(now);
		Map<String, Long> tags = new HashMap<>(existingTags());
		int newTags = insertMissingTags(tags);
		List<SeededTopic> topics = plan(now);
		insertTopics(topics, categories, members);
		int posts = insertPosts(topics, members);
		int topicTags = insertTopicTags(topics, tags);
		int reactions = insertReactions(topics, members, now);
		markHelpfulPosts(topics);
		countCategoryTopics(topics, categories);
		recountTags(tags.values());
		return new Written(members.size(), topics.size(), posts, newTags, topicTags, reactions);
	}

	private Map<String, Long> categoryIds() {
		Map<String, Long> ids = new HashMap<>();
		client.sql("select slug, id from category").query((ResultSet rs) -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	private List<String> takenUsernames() {
		List<String> keys = DemoContent.PEOPLE.stream().map(p -> key(p.username())).toList();
		List<String> emails = DemoContent.PEOPLE.stream().map(p -> email(p.username())).toList();
		return client.sql("select username from member where username_key in (:keys) or email_key in (:emails)")
				.param("keys", keys).param("emails", emails).query(String.class).list();
	}

	private Map<String, Long> insertMembers(Instant now) {
		// A random secret nobody is told: the accounts exist to be read, never to be signed in to.
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		SecureRandom random = new SecureRandom();
		List<Person> people = DemoContent.PEOPLE;
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			byte[] secret = new byte[32];
			random.nextBytes(secret);
			hashes.add(encoder.encode(Base64.getEncoder().encodeToString(secret)));
		}
		List<Long> ids = insertReturningIds("""
				insert into member (username, username_key, email, email_key, password_hash, display_name, time_zone,
				                    role, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", people.size(), (ps, i) -> {
			Person person = people.get(i);
			ps.setString(1, person.username());
			ps.setString(2, key(person.username()));
			ps.setString(3, email(person.username()));
			ps.setString(4, key(email(person.username())));
			ps.setString(5, hashes.get(i));
			ps.setString(6, person.displayName());
			ps.setString(7, person.timeZone());
			ps.setString(8, person.role().name());
			ps.setObject(9, utc(now.minus(Duration.ofDays(person.joinedDaysAgo()))));
		});
		Map<String, Long> members = new HashMap<>();
		for (int i = 0; i < people.size(); i++) {
			members.put(people.get(i).username(), ids.get(i));
		}
		return members;
	}

	private Map<String, Long> existingTags() {
		Map<String, Long> ids = new HashMap<>();
		client.sql("select name, id from tag where name in (:names)").param("names", List.copyOf(DemoContent.TAGS.keySet()))
				.query((ResultSet rs) -> {
					ids.put(rs.getString(1), rs.getLong(2));
				});
		return ids;
	}

	/** Adds the demo tags that do not exist yet; an existing tag keeps its description. */
	private int insertMissingTags(Map<String, Long> tags) {
		List<Map.Entry<String, String>> missing = DemoContent.TAGS.entrySet().stream()
				.filter(e -> !tags.containsKey(e.getKey())).toList();
		if (missing.isEmpty()) {
			return 0;
		}
		List<Long> ids = insertReturningIds("insert into tag (name, description, topic_count) values (?, ?, 0)",
				missing.size(), (ps, i) -> {
					ps.setString(1, missing.get(i).getKey());
					ps.setString(2, missing.get(i).getValue());
				});
		for (int i = 0; i < missing.size(); i++) {
			tags.put(missing.get(i).getKey(), ids.get(i));
		}
		return missing.size();
	}

	/** A post with its time and rendering worked out, and its id once written. */
	private static final class SeededPost {

		final int number;
		final String author;
		final Instant at;
		final String source;
		final RenderedText rendered;
		Long id;

		SeededPost(int number, String author, Instant at, String markdown) {
			this.number = number;
			this.author = author;
			this.at = at;
			// The same steps TopicService takes, so that an edit or a duplicate check sees what it expects.
			this.source = PostingRules.normalizeBody(markdown);
			this.rendered = Markdown.DEFAULT.render(source);
		}
	}

	private static final class SeededTopic {

		final Conversation conversation;
		final List<SeededPost> posts;
		Long id;

		SeededTopic(Conversation conversation, List<SeededPost> posts) {
			this.conversation = conversation;
			this.posts = posts;
		}

		SeededPost first() {
			return posts.get(0);
		}

		SeededPost last() {
			return posts.get(posts.size() - 1);
		}

		SeededPost post(int number) {
			return posts.get(number - 1);
		}
	}

	private static List<SeededTopic> plan(Instant now) {
		List<SeededTopic> topics = new ArrayList<>();
		for (Conversation c : DemoContent.CONVERSATIONS) {
			Instant start = now.minus(c.ago());
			List<SeededPost> posts = new ArrayList<>();
			posts.add(new SeededPost(1, c.author(), start, c.source()));
			for (Reply reply : c.replies()) {
				posts.add(new SeededPost(posts.size() + 1, reply.author(), start.plus(reply.after()), reply.source()));
			}
			topics.add(new SeededTopic(c, posts));
		}
		return topics;
	}

	private void insertTopics(List<SeededTopic> topics, Map<String, Long> categories, Map<String, Long> members) {
		List<Long> ids = insertReturningIds("""
				insert into topic (category_id, kind, visibility, status, title, slug, author_id, created_at,
				                   last_posted_at, last_poster_id, reply_count, pinned, locked)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false)""", topics.size(), (ps, i) -> {
			SeededTopic topic = topics.get(i);
			Conversation c = topic.conversation;
			ps.setLong(1, categories.get(c.category()));
			ps.setString(2, TopicKind.DISCUSSION.name());
			ps.setString(3, Visibility.PUBLIC.name());
			ps.setString(4, ContentStatus.VISIBLE.name());
			ps.setString(5, c.title());
			ps.setString(6, Slugs.slugify(c.title()));
			ps.setLong(7, members.get(c.author()));
			ps.setObject(8, utc(topic.first().at));
			ps.setObject(9, utc(topic.last().at));
			ps.setLong(10, members.get(topic.last().author));
			ps.setInt(11, topic.posts.size() - 1);
		});
		for (int i = 0; i < topics.size(); i++) {
			topics.get(i).id = ids.get(i);
		}
	}

	private int insertPosts(List<SeededTopic> topics, Map<String, Long> members) {
		List<SeededPost> posts = new ArrayList<>();
		List<Long> topicIds = new ArrayList<>();
		for (SeededTopic topic : topics) {
			posts.addAll(topic.posts);
			topic.posts.forEach(p -> topicIds.add(topic.id));
		}
		List<Long> ids = insertReturningIds("""
				insert into post (topic_id, number, author_id, source, html, plain_text, body_hash, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", posts.size(), (ps, i) -> {
			SeededPost post = posts.get(i);
			ps.setLong(1, topicIds.get(i));
			ps.setInt(2, post.number);
			ps.setLong(3, members.get(post.author));
			ps.setString(4, post.source);
			ps.setString(5, post.rendered.html());
			ps.setString(6, post.rendered.plainText());
			ps.setString(7, PostingRules.bodyHash(post.source));
			ps.setString(8, ContentStatus.VISIBLE.name());
			ps.setObject(9, utc(post.at));
		});
		for (int i = 0; i < posts.size(); i++) {
			posts.get(i).id = ids.get(i);
		}
		return posts.size();
	}

	private int insertTopicTags(List<SeededTopic> topics, Map<String, Long> tags) {
		List<Object[]> rows = new ArrayList<>();
		for (SeededTopic topic : topics) {
			for (String tag : topic.conversation.tags()) {
				rows.add(new Object[] { topic.id, Objects.requireNonNull(tags.get(tag), tag) });
			}
		}
		jdbc.batchUpdate("insert into topic_tag (topic_id, tag_id) values (?, ?)", rows);
		return rows.size();
	}

	private int insertReactions(List<SeededTopic> topics, Map<String, Long> members, Instant now) {
		Map<String, Instant> joined = new HashMap<>();
		DemoContent.PEOPLE.forEach(p -> joined.put(p.username(), now.minus(Duration.ofDays(p.joinedDaysAgo()))));
		List<Object[]> rows = new ArrayList<>();
		for (SeededTopic topic : topics) {
			List<Reaction> reactions = topic.conversation.reactions();
			for (int i = 0; i < reactions.size(); i++) {
				Reaction reaction = reactions.get(i);
				SeededPost post = topic.post(reaction.postNumber());
				// A reaction comes a little after both the post and its giver's joining, and never in the future.
				Instant seen = post.at.isAfter(joined.get(reaction.member())) ? post.at : joined.get(reaction.member());
				Instant at = seen.plus(Duration.ofMinutes(12L * (i + 1)));
				rows.add(new Object[] { post.id, members.get(reaction.member()), reaction.kind().name(),
						utc(at.isAfter(now) ? now : at) });
			}
		}
		jdbc.batchUpdate("insert into reaction (post_id, member_id, kind, created_at) values (?, ?, ?, ?)", rows);
		return rows.size();
	}

	private void markHelpfulPosts(List<SeededTopic> topics) {
		List<Object[]> rows = topics.stream().filter(t -> t.conversation.helpfulPostNumber() != null)
				.map(t -> new Object[] { t.post(t.conversation.helpfulPostNumber()).id, t.id }).toList();
		jdbc.batchUpdate("update topic set helpful_post_id = ? where id = ?", rows);
	}

	/** Category counts go up by one per topic started, as Category.topicAdded does. */
	private void countCategoryTopics(List<SeededTopic> topics, Map<String, Long> categories) {
		Map<Long, Integer> added = new LinkedHashMap<>();
		topics.forEach(t -> added.merge(categories.get(t.conversation.category()), 1, Integer::sum));
		List<Object[]> rows = added.entrySet().stream().map(e -> new Object[] { e.getValue(), e.getKey() }).toList();
		// The version moves too, so that an admin form opened before seeding cannot overwrite the new count.
		jdbc.batchUpdate("update category set topic_count = topic_count + ?, version = version + 1 where id = ?", rows);
	}

	/** The same count as TagService.recount: visible topics that every signed-in member may see. */
	private void recountTags(Collection<Long> tagIds) {
		client.sql("""
				update tag set topic_count = (
				  select count(*) from topic_tag tt join topic t on t.id = tt.topic_id
				  where tt.tag_id = tag.id and t.status = 'VISIBLE' and t.visibility in ('PUBLIC', 'MEMBERS'))
				where id in (:ids)""").param("ids", List.copyOf(tagIds)).update();
	}

	/** Batch inserts one row per index and returns the generated ids in the same order. */
	private List<Long> insertReturningIds(String sql, int count, RowSetter setter) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.batchUpdate(con -> con.prepareStatement(sql, new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						setter.set(ps, i);
					}

					@Override
					public int getBatchSize() {
						return count;
					}
				}, keys);
		List<Map<String, Object>> rows = keys.getKeyList();
		if (rows.size() != count) {
			throw new IllegalStateException("Expected " + count + " generated ids but the driver returned " + rows.size());
		}
		// Drivers name the key column differently (id, ID, GENERATED_KEY), but each row holds only that one.
		return rows.stream().map(row -> ((Number) row.values().iterator().next()).longValue()).toList();
	}

	@FunctionalInterface
	private interface RowSetter {

		void set(PreparedStatement ps, int index) throws SQLException;
	}

	/** Stored as UTC wall-clock time, as Hibernate writes instants with jdbc.time_zone=UTC. */
	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The lower-cased lookup key, as accounts keeps it for case-insensitive uniqueness. */
	private static String key(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

	static String email(String username) {
		return username + "@demo.invalid";
	}
}
