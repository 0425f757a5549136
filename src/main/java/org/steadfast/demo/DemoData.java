package org.steadfast.demo;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steadfast.demo.DemoContent.Conversation;
import org.steadfast.demo.DemoContent.Person;
import org.steadfast.demo.DemoContent.Reaction;
import org.steadfast.demo.DemoContent.Reply;
import org.steadfast.forum.PostingRules;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Visibility;
import org.steadfast.text.Markdown;
import org.steadfast.text.RenderedText;

/**
 * Seeds the demo community on the first start of an embedded install. It writes the rows
 * directly ({@link SeedRows}), because TopicService would rightly refuse a burst of back-dated
 * posts without form tokens; in exchange it keeps every counter that the services maintain (reply
 * counts, last activity, category and tag counts) exactly as they would have left it.
 */
@Component
// After AdminBootstrap, so that a configured administrator exists before the demo names are checked.
@Order(10)
@ConditionalOnProperty(name = "steadfast.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final JdbcClient client;
	private final SeedRows seedRows;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final String password;

	DemoData(JdbcTemplate jdbc, SeedRows seedRows, PlatformTransactionManager transactionManager, Clock clock,
			DemoProperties properties) {
		this.password = properties.password();
		this.client = JdbcClient.create(jdbc);
		this.seedRows = seedRows;
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
		seedRows.recountTags(tags.values());
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
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		SecureRandom random = new SecureRandom();
		List<Person> people = DemoContent.PEOPLE;
		List<SeedRows.Member> rows = new ArrayList<>();
		for (Person person : people) {
			byte[] secret = new byte[32];
			random.nextBytes(secret);
			String chosen = password.isEmpty() ? Base64.getEncoder().encodeToString(secret) : password;
			rows.add(new SeedRows.Member(null, person.username(), email(person.username()),
					encoder.encode(chosen), person.displayName(), person.timeZone(),
					person.role(), now.minus(Duration.ofDays(person.joinedDaysAgo())), false));
		}
		List<Long> ids = seedRows.members(rows);
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
		List<Long> ids = seedRows.tags(
				missing.stream().map(e -> new SeedRows.Tag(null, e.getKey(), e.getValue())).toList());
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
		List<Long> ids = seedRows.topics(topics.stream().map(topic -> {
			Conversation c = topic.conversation;
			return new SeedRows.Topic(null, categories.get(c.category()), TopicKind.DISCUSSION, Visibility.PUBLIC,
					c.title(), members.get(c.author()), topic.first().at, topic.last().at,
					members.get(topic.last().author), topic.posts.size() - 1, null);
		}).toList());
		for (int i = 0; i < topics.size(); i++) {
			topics.get(i).id = ids.get(i);
		}
	}

	private int insertPosts(List<SeededTopic> topics, Map<String, Long> members) {
		List<SeededPost> posts = new ArrayList<>();
		List<SeedRows.Post> rows = new ArrayList<>();
		for (SeededTopic topic : topics) {
			for (SeededPost post : topic.posts) {
				posts.add(post);
				rows.add(new SeedRows.Post(null, topic.id, post.number, members.get(post.author), post.source,
						post.rendered.html(), post.rendered.plainText(), PostingRules.bodyHash(post.source), post.at));
			}
		}
		List<Long> ids = seedRows.posts(rows);
		for (int i = 0; i < posts.size(); i++) {
			posts.get(i).id = ids.get(i);
		}
		return posts.size();
	}

	private int insertTopicTags(List<SeededTopic> topics, Map<String, Long> tags) {
		List<SeedRows.TopicTag> rows = new ArrayList<>();
		for (SeededTopic topic : topics) {
			for (String tag : topic.conversation.tags()) {
				rows.add(new SeedRows.TopicTag(topic.id, Objects.requireNonNull(tags.get(tag), tag)));
			}
		}
		seedRows.topicTags(rows);
		return rows.size();
	}

	private int insertReactions(List<SeededTopic> topics, Map<String, Long> members, Instant now) {
		Map<String, Instant> joined = new HashMap<>();
		DemoContent.PEOPLE.forEach(p -> joined.put(p.username(), now.minus(Duration.ofDays(p.joinedDaysAgo()))));
		List<SeedRows.Reaction> rows = new ArrayList<>();
		for (SeededTopic topic : topics) {
			List<Reaction> reactions = topic.conversation.reactions();
			for (int i = 0; i < reactions.size(); i++) {
				Reaction reaction = reactions.get(i);
				SeededPost post = topic.post(reaction.postNumber());
				// A reaction comes a little after both the post and its giver's joining, and never in the future.
				Instant seen = post.at.isAfter(joined.get(reaction.member())) ? post.at : joined.get(reaction.member());
				Instant at = seen.plus(Duration.ofMinutes(12L * (i + 1)));
				rows.add(new SeedRows.Reaction(post.id, members.get(reaction.member()), reaction.kind(),
						at.isAfter(now) ? now : at));
			}
		}
		seedRows.reactions(rows);
		return rows.size();
	}

	private void markHelpfulPosts(List<SeededTopic> topics) {
		Map<Long, Long> helpful = new LinkedHashMap<>();
		topics.stream().filter(t -> t.conversation.helpfulPostNumber() != null)
				.forEach(t -> helpful.put(t.id, t.post(t.conversation.helpfulPostNumber()).id));
		seedRows.helpfulPosts(helpful);
	}

	/** Category counts go up by one per topic started, as Category.topicAdded does. */
	private void countCategoryTopics(List<SeededTopic> topics, Map<String, Long> categories) {
		Map<Long, Integer> added = new LinkedHashMap<>();
		topics.forEach(t -> added.merge(categories.get(t.conversation.category()), 1, Integer::sum));
		seedRows.categoryTopicsAdded(added);
	}

	/** The lower-cased lookup key, as accounts keeps it for case-insensitive uniqueness. */
	private static String key(String value) {
		return value.trim().toLowerCase(Locale.ROOT);
	}

	static String email(String username) {
		return username + "@demo.invalid";
	}
}
