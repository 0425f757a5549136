package org.steadfast.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steadfast.accounts.Role;
import org.steadfast.demo.SeedRows;
import org.steadfast.forum.Links;
import org.steadfast.forum.PostingRules;
import org.steadfast.forum.ReactionKind;
import org.steadfast.forum.Slugs;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Visibility;
import org.steadfast.plans.PlanStatus;
import org.steadfast.text.Markdown;

/**
 * Writes the benchmark community straight into the tables with JDBC batches, keeping every
 * counter the services maintain (reply counts, last activity, category and tag counts) as they
 * would have left it. The same seed and sizes always give the same rows. It writes explicit ids
 * above the highest existing ones, so it can add to a database that already holds data.
 */
public class BenchData {

	private static final Logger log = LoggerFactory.getLogger(BenchData.class);

	/** The password of every generated member, so that the benchmark can sign in as any of them. */
	public static final String PASSWORD = "steady-bench-password";

	/** Replies of the known topic: its first page is the benchmark's 50-reply page. */
	public static final int KNOWN_REPLIES = 50;

	/** Check-ins of the known plan: a year, one a day. */
	public static final int YEAR = 365;

	private static final int CHUNK = 500;

	/**
	 * How much to generate. {@link #full()} is the issue's data set; {@link #scaled} keeps the
	 * known topic and plan whatever the scale.
	 */
	public record Sizes(int members, int tags, int topics, int posts, int plans, int checkIns, double reactionsPerPost) {

		public static Sizes full() {
			return new Sizes(5_000, 300, 20_000, 200_000, 2_000, 60_000, 0.5);
		}

		public static Sizes scaled(double scale) {
			Sizes f = full();
			int plans = Math.max(3, (int) Math.round(f.plans * scale));
			int topics = Math.max(plans + 8, (int) Math.round(f.topics * scale));
			int checkIns = Math.max(YEAR + 2 * (plans - 1), (int) Math.round(f.checkIns * scale));
			int posts = Math.max(topics + KNOWN_REPLIES + checkIns + 20, (int) Math.round(f.posts * scale));
			return new Sizes(Math.max(plans + 10, (int) Math.round(f.members * scale)),
					Math.max(10, (int) Math.round(f.tags * scale)), topics, posts, plans, checkIns, f.reactionsPerPost);
		}

		int discussions() {
			return topics - plans;
		}

		/** Posts of discussions, first posts included: all posts but the plans' first posts and the check-ins. */
		int discussionPosts() {
			return posts - plans - checkIns;
		}
	}

	/** What was written, and the addresses the benchmark drives. */
	public record Result(boolean generated, long millis, long members, long topics, long posts, long checkIns,
			long reactions, String knownTopic, String knownPlan, String category, String tag, List<String> replyTopics,
			List<String> usernames) {
	}

	private final JdbcTemplate jdbc;
	private final JdbcClient client;
	private final SeedRows rows;
	private final TransactionTemplate transactions;
	private final PasswordEncoder passwordEncoder;

	BenchData(JdbcTemplate jdbc, SeedRows rows, PlatformTransactionManager transactionManager,
			PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.client = JdbcClient.create(jdbc);
		this.rows = rows;
		this.transactions = new TransactionTemplate(transactionManager);
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * Generates the community unless members with this prefix exist already (then it only looks
	 * up the addresses), so a benchmark re-run reuses the data.
	 *
	 * @param prefix the usernames' prefix (lower-case letters, at most 10)
	 */
	public Result generate(Sizes sizes, long seed, String prefix, Instant nowInstant) {
		long started = System.nanoTime();
		String first = username(prefix, 0);
		boolean exists = client.sql("select count(*) from member where username_key = ?").param(first)
				.query(Long.class).single() > 0;
		if (!exists) {
			write(sizes, seed, prefix, nowInstant.truncatedTo(ChronoUnit.SECONDS));
		}
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		return lookUp(prefix, sizes, !exists, millis);
	}

	private void write(Sizes sizes, long seed, String prefix, Instant now) {
		SplittableRandom random = new SplittableRandom(seed);
		List<BenchTexts.Text> texts = BenchTexts.pool(seed, 2_000);
		Ids ids = new Ids();
		long[] members = insertMembers(sizes, prefix, now, ids);
		Map<Long, String> categories = new LinkedHashMap<>();
		client.sql("select id, slug from category where archived = false order by position").query(rs -> {
			categories.put(rs.getLong(1), rs.getString(2));
		});
		long planCategory = categories.entrySet().stream().filter(e -> e.getValue().equals("daily-check-ins"))
				.map(Map.Entry::getKey).findFirst().orElse(categories.keySet().iterator().next());
		List<Long> discussionCategories = categories.keySet().stream().filter(id -> id != planCategory).toList();
		long[] tags = insertTags(sizes, random, ids);

		// Discussion replies: the known topic gets exactly 50, the rest are spread with a long tail.
		int discussions = sizes.discussions();
		int[] replies = new int[discussions];
		replies[0] = KNOWN_REPLIES;
		int spare = sizes.discussionPosts() - discussions - KNOWN_REPLIES;
		for (int i = 0; i < spare; i++) {
			int topic = 1 + (int) (Math.pow(random.nextDouble(), 1.6) * (discussions - 1));
			replies[topic]++;
		}
		Map<Long, Integer> categoryCounts = new HashMap<>();
		Writer writer = new Writer(ids);
		for (int from = 0; from < discussions; from += CHUNK) {
			int to = Math.min(discussions, from + CHUNK);
			for (int i = from; i < to; i++) {
				long category = i == 0 ? discussionCategories.get(Math.min(2, discussionCategories.size() - 1))
						: discussionCategories.get(random.nextInt(discussionCategories.size()));
				categoryCounts.merge(category, 1, Integer::sum);
				writer.discussion(i, category, replies[i], members, tags, texts, random, now);
			}
			writer.flush();
		}
		// Plans: one per member (one active plan each); the first has a year of check-ins.
		int plans = sizes.plans();
		int[] checkIns = new int[plans];
		checkIns[0] = YEAR;
		int left = sizes.checkIns() - YEAR;
		for (int i = 1; i < plans; i++) {
			checkIns[i] = 1;
			left--;
		}
		for (int i = 0; i < left; i++) {
			// At most a year each, so every check-in has its own day.
			int plan = 1 + random.nextInt(plans - 1);
			if (checkIns[plan] < YEAR) {
				checkIns[plan]++;
			}
			else {
				i--;
			}
		}
		for (int from = 0; from < plans; from += CHUNK) {
			int to = Math.min(plans, from + CHUNK);
			for (int i = from; i < to; i++) {
				categoryCounts.merge(planCategory, 1, Integer::sum);
				writer.plan(i, planCategory, members[1 + i], checkIns[i], members, texts, random, now);
			}
			writer.flush();
		}
		rows.categoryTopicsAdded(categoryCounts);
		rows.recountTags(Arrays.stream(tags).boxed().toList());
	}

	/** The next free id of each table, taken once: the generator is the only writer while it runs. */
	private final class Ids {

		long member = rows.nextId("member");
		long tag = rows.nextId("tag");
		long topic = rows.nextId("topic");
		long post = rows.nextId("post");
		long plan = rows.nextId("plan");
	}

	private long[] insertMembers(Sizes sizes, String prefix, Instant now, Ids ids) {
		String hash = passwordEncoder.encode(PASSWORD);
		String[] zones = { "Europe/London", "America/New_York", "America/Los_Angeles", "Europe/Berlin",
				"Australia/Sydney", "Asia/Kolkata", "UTC" };
		long[] members = new long[sizes.members()];
		List<SeedRows.Member> written = new ArrayList<>();
		for (int i = 0; i < members.length; i++) {
			members[i] = ids.member++;
			String username = username(prefix, i);
			// Joined between a month and three years ago: nobody is a new member with a daily cap.
			Instant joined = now.minus(Duration.ofDays(30 + (i * 7919L) % 1_000));
			written.add(new SeedRows.Member(members[i], username, username + "@bench.invalid", hash, "Reader " + (i + 1),
					zones[i % zones.length], Role.MEMBER, joined, false));
		}
		rows.members(written);
		return members;
	}

	private long[] insertTags(Sizes sizes, SplittableRandom random, Ids ids) {
		Set<String> names = new LinkedHashSet<>();
		for (String subject : BenchTexts.SUBJECTS) {
			names.add(tagName(subject));
		}
		String[] qualifiers = { "early-days", "month-one", "year-one", "at-work", "at-night", "weekends", "advice",
				"feelings", "boundaries", "healing", "friends", "family" };
		outer: for (String qualifier : qualifiers) {
			for (String subject : BenchTexts.SUBJECTS) {
				if (names.size() >= sizes.tags()) {
					break outer;
				}
				names.add(tagName(subject + " " + qualifier));
			}
		}
		// A tag name may exist already (a forum with data): the generator uses fresh, numbered names then.
		Set<String> taken = new HashSet<>(client.sql("select name from tag").query(String.class).list());
		List<SeedRows.Tag> written = new ArrayList<>();
		long[] tags = new long[Math.min(sizes.tags(), names.size())];
		int i = 0;
		for (String name : names) {
			if (i == tags.length) {
				break;
			}
			String unique = name;
			for (int n = 2; taken.contains(unique); n++) {
				unique = (name.length() > 26 ? name.substring(0, 26) : name) + "-" + n;
			}
			taken.add(unique);
			tags[i] = ids.tag++;
			written.add(new SeedRows.Tag(tags[i], unique, "Topics about " + unique.replace('-', ' ') + "."));
			i++;
		}
		rows.tags(written);
		return tags;
	}

	private static String tagName(String words) {
		String name = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return name.length() > 30 ? name.substring(0, 30).replaceAll("-$", "") : name;
	}

	/** Rows gathered for a chunk of topics, written in one transaction with one batch per table. */
	private final class Writer {

		private final Ids ids;
		private final List<SeedRows.Topic> topics = new ArrayList<>();
		private final List<SeedRows.Post> posts = new ArrayList<>();
		private final List<SeedRows.TopicTag> topicTags = new ArrayList<>();
		private final List<SeedRows.Reaction> reactions = new ArrayList<>();
		private final List<Object[]> plans = new ArrayList<>();
		private final List<Object[]> checkIns = new ArrayList<>();
		private final List<Object[]> slips = new ArrayList<>();
		private final Map<String, String[]> summaries = new HashMap<>();

		Writer(Ids ids) {
			this.ids = ids;
		}

		void discussion(int index, long category, int replyCount, long[] members, long[] tags,
				List<BenchTexts.Text> texts, SplittableRandom random, Instant now) {
			long topic = ids.topic++;
			String title = index == 0 ? "How did you get through their birthday in the first month of no contact?"
					: title(random, index);
			long author = members[random.nextInt(members.length)];
			// Created within the last two years; replies follow minutes to hours apart, never in the future.
			Instant created = now.minus(Duration.ofMinutes(60 + random.nextLong(2 * 365 * 24 * 60)));
			Instant at = created;
			long lastPoster = author;
			long firstPost = ids.post;
			for (int n = 1; n <= replyCount + 1; n++) {
				long poster = n == 1 ? author : members[random.nextInt(members.length)];
				if (n > 1) {
					at = at.plus(Duration.ofMinutes(3 + random.nextInt(240)));
					if (at.isAfter(now)) {
						at = now.minusSeconds(replyCount + 1 - n);
					}
				}
				post(topic, n, poster, texts.get(random.nextInt(texts.size())), at);
				react(ids.post - 1, at, members, random, now);
				lastPoster = poster;
			}
			// The known topic stays a plain discussion: its first page is exactly 50 replies and the question.
			boolean advice = index != 0 && index % 9 == 0 && replyCount > 0;
			topics.add(new SeedRows.Topic(topic, category, TopicKind.DISCUSSION, Visibility.PUBLIC, title, author, created,
					at, lastPoster, replyCount, advice ? firstPost + 1 : null));
			int tagCount = index == 0 ? 3 : random.nextInt(4);
			Set<Long> chosen = new LinkedHashSet<>();
			while (chosen.size() < tagCount) {
				// A few popular tags, a long tail of rare ones.
				chosen.add(tags[(int) (Math.pow(random.nextDouble(), 2.5) * tags.length)]);
			}
			chosen.forEach(tag -> topicTags.add(new SeedRows.TopicTag(topic, tag)));
		}

		void plan(int index, long category, long owner, int checkInCount, long[] members,
				List<BenchTexts.Text> texts, SplittableRandom random, Instant now) {
			long topic = ids.topic++;
			long plan = ids.plan++;
			LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
			LocalDate start = today.minusDays(checkInCount + random.nextInt(20));
			Visibility visibility = index == 0 ? Visibility.PUBLIC : switch (random.nextInt(20)) {
				case 0, 1, 2 -> Visibility.PRIVATE;
				case 3, 4 -> Visibility.PARTNER;
				case 5, 6, 7, 8 -> Visibility.MEMBERS;
				default -> Visibility.PUBLIC;
			};
			String title = index == 0 ? "A year of no contact, one day at a time" : "My no-contact plan #" + (index + 1);
			String statement = "I told them I need space to heal and I will not be in touch.";
			String reasons = "I keep going back and getting hurt.\nI want my evenings back.";
			String triggers = "Late nights, their birthday, old photos.";
			String instead = "Call my sister, go for a run, post here.";
			Instant created = start.atTime(8, 0).toInstant(ZoneOffset.UTC);
			String firstSource = "**Started:** " + start + " · **Target:** 90 days\n\n### What I told them\n\n> "
					+ statement + "\n\n### Why I'm doing this\n\n" + reasons + "\n\n### What makes me want to reach out\n\n"
					+ triggers + "\n\n### What I'll do instead\n\n" + instead;
			var rendered = Markdown.DEFAULT.render(firstSource);
			posts.add(new SeedRows.Post(ids.post++, topic, 1, owner, firstSource, rendered.html(), rendered.plainText(),
					PostingRules.bodyHash(firstSource), created));
			Instant at = created;
			int streak = 0;
			for (int k = 0; k < checkInCount; k++) {
				LocalDate day = today.minusDays(checkInCount - 1 - k);
				boolean kept = random.nextInt(25) != 0;
				streak = kept ? (int) (day.toEpochDay() - start.toEpochDay()) + 1 : 0;
				int mood = 1 + random.nextInt(5);
				int urge = random.nextInt(11);
				BenchTexts.Text note = texts.get(random.nextInt(texts.size()));
				String[] summary = summary(kept, streak, mood, urge);
				String source = summary[0] + "\n\n" + note.source();
				at = day.atTime(20, 0).toInstant(ZoneOffset.UTC);
				if (at.isAfter(now)) {
					at = now.minusSeconds(checkInCount - k);
				}
				long post = ids.post;
				posts.add(new SeedRows.Post(ids.post++, topic, k + 2, owner, source, summary[1] + "\n" + note.html(),
						summary[2] + "\n\n" + note.plainText(), PostingRules.bodyHash(source), at));
				checkIns.add(new Object[] { post, plan, day, kept, mood, urge, note.source() });
				if (!kept) {
					slips.add(new Object[] { plan, day, "TEXTED", "ME", "", utc(at) });
				}
				react(post, at, members, random, now);
			}
			topics.add(new SeedRows.Topic(topic, category, TopicKind.PLAN, visibility, title, owner, created, at, owner,
					checkInCount, null));
			boolean active = index % 10 != 9;
			plans.add(new Object[] { plan, topic, owner, active ? owner : null,
					(active ? PlanStatus.ACTIVE : PlanStatus.FINISHED).name(), statement, start, 90, reasons, triggers,
					instead, utc(created), active ? null : utc(now) });
		}

		/** The check-in's summary line as Markdown, HTML and plain text, rendered once per distinct line. */
		private String[] summary(boolean kept, int day, int mood, int urge) {
			String source = kept ? "**Day " + day + "** · kept no contact · mood " + mood + "/5 · urge " + urge + "/10"
					: "**A fresh start** · mood " + mood + "/5 · urge " + urge + "/10";
			return summaries.computeIfAbsent(source, s -> {
				var rendered = Markdown.DEFAULT.render(s);
				return new String[] { s, rendered.html(), rendered.plainText() };
			});
		}

		private void post(long topic, int number, long author, BenchTexts.Text text, Instant at) {
			posts.add(new SeedRows.Post(ids.post++, topic, number, author, text.source(), text.html(), text.plainText(),
					text.hash(), at));
		}

		private void react(long post, Instant at, long[] members, SplittableRandom random, Instant now) {
			double expected = 0.5;
			int count = random.nextDouble() < expected ? 1 + random.nextInt(3) : 0;
			ReactionKind[] kinds = ReactionKind.values();
			Set<Long> givers = new LinkedHashSet<>();
			while (givers.size() < count) {
				givers.add(members[random.nextInt(members.length)]);
			}
			Instant when = at.plus(Duration.ofMinutes(30)).isAfter(now) ? now : at.plus(Duration.ofMinutes(30));
			givers.forEach(m -> reactions.add(new SeedRows.Reaction(post, m, kinds[random.nextInt(kinds.length)], when)));
		}

		void flush() {
			transactions.executeWithoutResult(status -> {
				rows.topics(topics);
				rows.posts(posts);
				rows.topicTags(topicTags);
				rows.reactions(reactions);
				batch("""
						insert into plan (id, topic_id, member_id, active_member_id, status, statement, start_date,
						                  target_days, reasons, triggers, instead, created_at, ended_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", plans);
				batch("""
						insert into check_in (post_id, plan_id, on_day, kept_no_contact, mood, urge, note)
						values (?, ?, ?, ?, ?, ?, ?)""", checkIns);
				batch("""
						insert into plan_slip (plan_id, on_day, kind, initiated_by, note, created_at)
						values (?, ?, ?, ?, ?, ?)""", slips);
			});
			topics.clear();
			posts.clear();
			topicTags.clear();
			reactions.clear();
			plans.clear();
			checkIns.clear();
			slips.clear();
		}
	}

	private static final String[] TITLE_STARTS = { "How do I handle", "Struggling with", "Day %d: thinking about",
			"Advice needed on", "Finally okay with", "Anyone else dealing with", "What helped you with",
			"Slipped because of", "Small victory over", "Need to vent about" };

	private static String title(SplittableRandom random, int index) {
		String start = String.format(BenchTexts.pick(random, TITLE_STARTS), 1 + random.nextInt(300));
		return start + " " + BenchTexts.pick(random, BenchTexts.SUBJECTS) + " (" + index + ")";
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += 1_000) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1_000)));
		}
	}

	private Result lookUp(String prefix, Sizes sizes, boolean generated, long millis) {
		String first = username(prefix, 0);
		long firstMember = client.sql("select id from member where username_key = ?").param(first).query(Long.class)
				.single();
		List<Map<String, Object>> known = client.sql("""
				select t.id, t.slug from topic t where t.kind = 'DISCUSSION' and t.author_id >= ? and t.reply_count = ?
				and t.slug = ? order by t.id""")
				.params(firstMember, KNOWN_REPLIES,
						Slugs.slugify("How did you get through their birthday in the first month of no contact?"))
				.query().listOfRows();
		Map<String, Object> topic = known.get(0);
		long plan = client.sql("""
				select t.id from topic t where t.kind = 'PLAN' and t.author_id >= ? and t.reply_count = ?
				and t.slug = ? order by t.id""")
				.params(firstMember, YEAR, Slugs.slugify("A year of no contact, one day at a time"))
				.query(Long.class).list().get(0);
		String category = client.sql("select c.slug from category c join topic t on t.category_id = c.id where t.id = ?")
				.param(topic.get("id")).query(String.class).single();
		String tag = client.sql("""
				select g.name from tag g join topic_tag tt on tt.tag_id = g.id where tt.topic_id = ?
				order by g.topic_count desc, g.name""").param(topic.get("id")).query(String.class).list().get(0);
		List<String> replyTopics = client.sql("""
				select concat('/t/', t.id, '/', t.slug) from topic t where t.kind = 'DISCUSSION' and t.author_id >= ?
				and t.reply_count between 1 and 20 order by t.id limit 20""").param(firstMember).query(String.class).list();
		List<String> usernames = new ArrayList<>();
		for (int i = 0; i < Math.min(8, sizes.members()); i++) {
			usernames.add(username(prefix, sizes.members() - 1 - i));
		}
		long members = count("select count(*) from member");
		long topics = count("select count(*) from topic");
		long posts = count("select count(*) from post");
		long checkIns = count("select count(*) from check_in");
		long reactions = count("select count(*) from reaction");
		return new Result(generated, millis, members, topics, posts, checkIns, reactions,
				Links.topic(((Number) topic.get("id")).longValue(), (String) topic.get("slug")), Links.plan(plan),
				Links.category(category), Links.tag(tag),
				replyTopics, usernames);
	}

	private long count(String sql) {
		return client.sql(sql).query(Long.class).single();
	}

	static String username(String prefix, int index) {
		return prefix + String.format(Locale.ROOT, "%05d", index + 1);
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
