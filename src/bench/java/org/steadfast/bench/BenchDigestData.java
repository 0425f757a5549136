package org.steadfast.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steadfast.accounts.Role;
import org.steadfast.demo.SeedRows;
import org.steadfast.forum.TopicKind;
import org.steadfast.forum.Visibility;

/**
 * The digest benchmark's readers, on top of {@link BenchData}'s community: extra confirmed members
 * (so that with the community's own members there are e.g. 100,000), every one of them opted in
 * to a daily digest, each following two of a set of busy topics and one older discussion, so
 * that every digest has replies to list. {@link #prepare} makes all of them due at one instant
 * and forgets earlier benchmark digests, so the same data serves any number of runs.
 */
public class BenchDigestData {

	/** The busy topics' titles start with this; their replies are what the digests carry. */
	static final String TOPIC_PREFIX = "Digest bench: ";

	private static final int BUSY_TOPICS = 2_000;

	private static final int REPLIES_PER_TOPIC = 4;

	private final JdbcTemplate jdbc;
	private final JdbcClient client;
	private final SeedRows seedRows;
	private final TransactionTemplate transactions;
	private final PasswordEncoder passwordEncoder;

	BenchDigestData(JdbcTemplate jdbc, SeedRows seedRows, PlatformTransactionManager transactionManager,
			PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.client = JdbcClient.create(jdbc);
		this.seedRows = seedRows;
		this.transactions = new TransactionTemplate(transactionManager);
		this.passwordEncoder = passwordEncoder;
	}

	/** Adds {@code extra} readers (usernames {@code <prefix>d000001}...) unless they exist; @return whether it wrote them. */
	public boolean generate(int extra, long seed, String prefix, Instant nowInstant) {
		String first = username(prefix, 0);
		if (client.sql("select count(*) from member where username_key = ?").param(first).query(Long.class).single() > 0) {
			return false;
		}
		Instant now = nowInstant.truncatedTo(ChronoUnit.SECONDS);
		SplittableRandom random = new SplittableRandom(seed ^ 0x5eedL);
		List<BenchTexts.Text> texts = BenchTexts.pool(seed + 1, 200);
		long firstNew = seedRows.nextId("member");
		String hash = passwordEncoder.encode(BenchData.PASSWORD);
		String[] zones = { "Europe/London", "America/New_York", "America/Los_Angeles", "Europe/Berlin",
				"Australia/Sydney", "Asia/Kolkata", "UTC" };
		List<SeedRows.Member> members = new ArrayList<>();
		for (int i = 0; i < extra; i++) {
			String username = username(prefix, i);
			members.add(new SeedRows.Member(firstNew + i, username, username + "@bench.invalid", hash,
					"Digest reader " + (i + 1), zones[i % zones.length], Role.MEMBER, now.minus(Duration.ofDays(30 + i % 700)),
					true));
		}
		seedRows.members(members);
		// The community's own members read digests too: confirmed, opted in, one row each.
		client.sql("update member set email_verified = true where email like '%@bench.invalid'").update();
		List<Long> readers = client.sql("select id from member where email like '%@bench.invalid' order by id")
				.query(Long.class).list();
		List<Object[]> rows = new ArrayList<>();
		for (long id : readers) {
			String token = String.format(Locale.ROOT, "bench%038d", id);
			rows.add(new Object[] { id, token });
		}
		batch("""
				insert into mail_setting (member_id, digest, digest_hour, discreet, unsubscribe_token)
				values (?, 'DAILY', 8, false, ?)""", rows);

		long category = client.sql("select id from category where archived = false and slug <> 'daily-check-ins' order by position")
				.query(Long.class).list().get(0);
		long firstTopic = seedRows.nextId("topic");
		long post = seedRows.nextId("post");
		Instant started = now.minus(Duration.ofHours(6));
		List<SeedRows.Topic> topics = new ArrayList<>();
		List<SeedRows.Post> posts = new ArrayList<>();
		for (int t = 0; t < BUSY_TOPICS; t++) {
			String title = TOPIC_PREFIX + "week " + (t + 1) + " without them";
			long author = readers.get(random.nextInt(readers.size()));
			long last = author;
			Instant at = started.plusSeconds(t);
			for (int n = 1; n <= REPLIES_PER_TOPIC + 1; n++) {
				long poster = n == 1 ? author : readers.get(random.nextInt(readers.size()));
				BenchTexts.Text text = texts.get(random.nextInt(texts.size()));
				posts.add(new SeedRows.Post(post++, firstTopic + t, n, poster, text.source(), text.html(), text.plainText(),
						text.hash(), at));
				last = poster;
				at = at.plus(Duration.ofMinutes(10));
			}
			topics.add(new SeedRows.Topic(firstTopic + t, category, TopicKind.DISCUSSION, Visibility.PUBLIC, title, author,
					started.plusSeconds(t), at.minus(Duration.ofMinutes(10)), last, REPLIES_PER_TOPIC, null));
		}
		transactions.executeWithoutResult(status -> {
			seedRows.topics(topics);
			seedRows.posts(posts);
			seedRows.categoryTopicsAdded(Map.of(category, BUSY_TOPICS));
		});

		List<Long> older = client.sql("select id from topic where kind = 'DISCUSSION' and id < ? order by id")
				.param(firstTopic).query(Long.class).list();
		rows.clear();
		for (long reader : readers) {
			long a = firstTopic + random.nextInt(BUSY_TOPICS);
			long b = firstTopic + random.nextInt(BUSY_TOPICS);
			rows.add(new Object[] { reader, a, utc(started) });
			if (b != a) {
				rows.add(new Object[] { reader, b, utc(started) });
			}
			if (!older.isEmpty()) {
				rows.add(new Object[] { reader, older.get(random.nextInt(older.size())), utc(started) });
			}
			if (rows.size() >= 30_000) {
				batch("insert into topic_follow (member_id, topic_id, created_at) values (?, ?, ?)", rows);
				rows.clear();
			}
		}
		batch("insert into topic_follow (member_id, topic_id, created_at) values (?, ?, ?)", rows);
		return true;
	}

	/**
	 * Makes every benchmark reader due at {@code now} (their digest hour is {@code now}'s hour in
	 * their time zone, their last digest just before the busy topics started) and removes the
	 * benchmark's earlier digests and claims, so that a run composes all of them again.
	 *
	 * @return how many readers are due
	 */
	public int prepare(Instant now) {
		LocalDateTime since = client.sql("select min(created_at) from topic where title like ?")
				.param(TOPIC_PREFIX + "%").query(LocalDateTime.class).single().minusMinutes(1);
		client.sql("delete from digest_sent where member_id in (select member_id from mail_setting where unsubscribe_token like 'bench%')")
				.update();
		client.sql("delete from mail_outbox where kind = 'DIGEST' and unsubscribe_url like '%/unsubscribe/bench%'").update();
		client.sql("update mail_setting set digest = 'DAILY', last_digest_at = ? where unsubscribe_token like 'bench%'")
				.param(since).update();
		for (String zone : client.sql("select distinct time_zone from member").query(String.class).list()) {
			client.sql("""
					update mail_setting set digest_hour = ? where unsubscribe_token like 'bench%'
					  and member_id in (select id from member where time_zone = ?)""")
					.params(now.atZone(ZoneId.of(zone)).getHour(), zone).update();
		}
		return client.sql("select count(*) from mail_setting where unsubscribe_token like 'bench%'").query(Integer.class)
				.single();
	}

	static String username(String prefix, int index) {
		return prefix + "d" + String.format(Locale.ROOT, "%06d", index + 1);
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += 1_000) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1_000)));
		}
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
