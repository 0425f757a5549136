package org.steadfast.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.HttpCookie;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.steadfast.support.MariaDb;

/**
 * Two app nodes, as operators run them (the packaged jar, profiles {@code mysql,cluster}, settings in
 * environment variables), sharing one MariaDB database and one real OpenSearch node. Node B reaches
 * the database and both reach OpenSearch through proxies the test can cut. With CI=true it must run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	private static final String ADMIN = "steward";
	private static final String ADMIN_PASSWORD = "calm and steady hands";
	private static final String READER = "cluster_reader";
	private static final String READER_PASSWORD = "a long and quiet walk home";

	private final String run = Long.toString(System.currentTimeMillis(), 36);
	private Path work;
	private OpenSearchNode openSearch;
	private TcpProxy searchProxy;
	private TcpProxy databaseProxy;
	private String database;
	private JdbcClient jdbc;
	private AppNode a;
	private AppNode b;
	private AppNode c;

	@BeforeAll
	void startCluster() throws Exception {
		Optional<Path> java21 = Processes.java21();
		boolean required = "true".equalsIgnoreCase(System.getenv("CI"));
		if (!required) {
			assumeTrue(java21.isPresent(), "No Java 21+ for OpenSearch; the cluster tests run with CI=true");
			assumeTrue(mariaDbAnswers(), "MariaDB is not answering; the cluster tests run with CI=true");
		}
		work = Path.of("target", "cluster-it").toAbsolutePath();
		Files.createDirectories(work);
		openSearch = OpenSearchNode.start(java21.orElseThrow(() -> new IllegalStateException(
				"CI=true: the cluster tests need a Java 21+ (set STEADFAST_JAVA21_HOME) to run OpenSearch")), work);
		searchProxy = new TcpProxy(openSearch.port());
		database = MariaDb.createDatabase("cluster");
		databaseProxy = new TcpProxy(Integer.parseInt(MariaDb.port()));
		DriverManagerDataSource dataSource = new DriverManagerDataSource(MariaDb.jdbcUrl(database), MariaDb.user(), MariaDb.password());
		jdbc = JdbcClient.create(dataSource);

		a = AppNode.start("A", work, environment(MariaDb.jdbcUrl(database)), arguments());
		createReader();
		b = AppNode.start("B", work, environment(MariaDb.jdbcUrl(database).replace(":" + MariaDb.port() + "/",
				":" + databaseProxy.port() + "/")), arguments());
	}

	private Map<String, String> environment(String databaseUrl) {
		Map<String, String> env = new HashMap<>();
		env.put("STEADFAST_DB_URL", databaseUrl);
		env.put("STEADFAST_DB_USER", MariaDb.user());
		env.put("STEADFAST_DB_PASSWORD", MariaDb.password());
		env.put("STEADFAST_SEARCH_URIS", "http://127.0.0.1:" + searchProxy.port());
		env.put("STEADFAST_ADMIN_USERNAME", ADMIN);
		env.put("STEADFAST_ADMIN_EMAIL", "steward@example.org");
		env.put("STEADFAST_ADMIN_PASSWORD", ADMIN_PASSWORD);
		// Quick hand-over of a dead node's share of the outbox, for a test that can't wait 30 s.
		env.put("STEADFAST_SEARCH_PULSE_MS", "500");
		env.put("STEADFAST_SEARCH_PULSE_EXPIRATION_MS", "4000");
		return env;
	}

	private List<String> arguments() {
		return List.of("--steadfast.forum.min-time-between-posts=0s", "--steadfast.forum.new-member-daily-cap=1000000",
				"--steadfast.jobs.housekeeping.cron=*/2 * * * * *", "--steadfast.jobs.housekeeping.lock-at-least=PT1S",
				"--steadfast.search.requeue-interval=2s",
				"--steadfast.digest.cron=*/3 * * * * *", "--steadfast.digest.lock-at-least=PT1S",
				"--steadfast.digest.lock-at-most=PT30S", "--steadfast.digest.batch-size=1",
				"--spring.jpa.properties.hibernate.search.coordination.event_processor.retry_delay=1",
				"--spring.datasource.hikari.connection-timeout=3000", "--steadfast.request-log=true");
	}

	private void createReader() {
		createMember(READER, READER_PASSWORD);
	}

	private void createMember(String username, String password) {
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password);
		jdbc.sql("insert into member (username, username_key, email, email_key, password_hash, display_name, time_zone, "
				+ "role, created_at, version) values (?, ?, ?, ?, ?, ?, 'UTC', 'MEMBER', ?, 0)")
				.params(username, username, username + "@example.org", username + "@example.org", hash, "Cluster " + username,
						LocalDateTime.now(ZoneOffset.UTC).minusDays(30))
				.update();
	}

	@AfterAll
	void stopCluster() {
		for (AutoCloseable closeable : new AutoCloseable[] { c, b, a, databaseProxy, searchProxy, openSearch }) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception e) {
					// best effort
				}
			}
		}
		if (database != null) {
			MariaDb.dropDatabase(database);
		}
	}

	@Test
	@Order(1)
	void signedInOnOneNodeIsSignedInOnTheOther() throws Exception {
		Visitor member = new Visitor();
		assertThat(member.signIn(a.url(), ADMIN, ADMIN_PASSWORD, true).status()).isEqualTo(302);
		assertThat(member.hasCookie("SESSION")).isTrue();
		assertThat(member.get(b.url() + "/settings").body()).contains(ADMIN);

		// Remember-me alone (a browser reopened days later) signs in on the other node too.
		Visitor reopened = new Visitor();
		reopened.copyCookie(member, "remember-me");
		Visitor.Page page = reopened.get(b.url() + "/settings");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(ADMIN);

		// A form served by one node is accepted by the other (shared form-token and CSRF state).
		Visitor.Page created = member.submit(a.url() + "/t/new", b.url() + "/t/new", Map.of("categoryId", categoryId(),
				"title", "Crossing nodes " + run, "body", "Written on one node, sent to the other.", "tags", ""));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).contains("/t/");
	}

	@Test
	@Order(1)
	void aPasswordChangedOnOneNodeSignsOutEveryOtherSessionAndRememberedDeviceOnBoth() throws Exception {
		String name = "pw_" + run;
		String password = "the old password, long enough";
		createMember(name, password);
		Visitor phone = new Visitor();
		Visitor laptop = new Visitor();
		assertThat(phone.signIn(a.url(), name, password, true).status()).isEqualTo(302);
		assertThat(laptop.signIn(b.url(), name, password, true).status()).isEqualTo(302);
		Visitor reopened = new Visitor();
		reopened.copyCookie(phone, "remember-me");
		assertThat(phone.get(b.url() + "/settings").body()).contains(name);
		assertThat(reopened.get(a.url() + "/settings").body()).contains(name);

		Visitor.Page changed = laptop.submit(b.url() + "/settings", b.url() + "/settings/password",
				Map.of("currentPassword", password, "newPassword", "a new password nobody else knows"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(changed.location()).endsWith("/settings");

		// The laptop that changed it stays signed in; the phone's session (kept in the shared session
		// table) and its remembered device end on both nodes.
		assertThat(laptop.get(a.url() + "/settings").body()).contains(name);
		for (String node : List.of(a.url(), b.url())) {
			assertThat(phone.get(node + "/settings").status()).as(node).isEqualTo(302);
			Visitor remembered = new Visitor();
			remembered.copyCookie(phone, "remember-me");
			assertThat(remembered.get(node + "/settings").status()).as(node).isEqualTo(302);
		}
		assertThat(reopened.get(b.url() + "/settings").status()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from SPRING_SESSION where principal_name = ?").param(name)
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void aTopicPostedOnOneNodeIsFoundOnTheOther() throws Exception {
		Visitor member = signedIn(ADMIN, ADMIN_PASSWORD);
		String word = "lighthouse" + run;
		Visitor.Page created = member.submit(a.url() + "/t/new", a.url() + "/t/new", Map.of("categoryId", categoryId(),
				"title", "The " + word + " evening", "body", "A walk to the " + word + " instead of texting.", "tags", ""));
		assertThat(created.status()).isEqualTo(302);
		Visitor guest = new Visitor();
		Processes.await("node B to find the topic posted on A", Duration.ofSeconds(20),
				() -> body(guest, b.url() + "/search?q=" + word).contains("The " + word + " evening"));
		// Phrases found in the post's words, by the search cluster's own analysis of them (pairs of terms).
		assertThat(body(guest, b.url() + "/search?q=" + quoted(word + " instead"))).contains("The " + word + " evening");
		assertThat(body(guest, b.url() + "/search?q=" + quoted("walk to the " + word))).contains("The " + word + " evening");
		assertThat(body(guest, b.url() + "/search?q=" + quoted("instead " + word))).doesNotContain("The " + word + " evening");
	}

	private static String quoted(String phrase) {
		return URLEncoder.encode("\"" + phrase + "\"", StandardCharsets.UTF_8);
	}

	@Test
	@Order(3)
	void aPrivatePlanPostedOnOneNodeNeverAppearsInTheOthersSearch() throws Exception {
		Visitor author = signedIn(ADMIN, ADMIN_PASSWORD);
		String word = "quietharbour" + run;
		Visitor.Page created = author.submit(a.url() + "/plans/new", a.url() + "/plans/new", Map.of("title",
				"My " + word + " plan", "statement", "Only for me", "startDate", LocalDate.now(ZoneOffset.UTC).toString(),
				"target", "custom", "customDays", "30", "visibility", "PRIVATE"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		// The author finds it on B: it is indexed there, so the others' empty results mean something.
		Processes.await("the author to find their private plan on B", Duration.ofSeconds(20),
				() -> body(author, b.url() + "/search?q=" + word).contains("My " + word + " plan"));
		Visitor guest = new Visitor();
		Visitor reader = signedIn(READER, READER_PASSWORD);
		for (Visitor other : List.of(guest, reader)) {
			String results = body(other, b.url() + "/search?q=" + word);
			assertThat(results).doesNotContain(word + " plan").doesNotContain("Only for me");
		}
	}

	@Test
	@Order(4)
	void aScheduledJobRunsOnOneNodeAtATime() {
		// Both nodes fire the housekeeping job every two seconds; ShedLock lets one of them run it.
		LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC);
		Processes.sleep(9_000);
		List<LocalDateTime> runs = jdbc.sql("select started_at from job_run where job = 'housekeeping' and started_at >= ? "
				+ "order by started_at").param(since).query(LocalDateTime.class).list();
		assertThat(runs).hasSizeBetween(3, 5);
		for (int i = 1; i < runs.size(); i++) {
			assertThat(Duration.between(runs.get(i - 1), runs.get(i))).isGreaterThan(Duration.ofMillis(1500));
		}
		assertThat(jdbc.sql("select count(distinct node) from job_run where job = 'housekeeping'").query(Integer.class).single())
				.isBetween(1, 2);
	}

	@Test
	@Order(5)
	void theDigestDueOnBothNodesSendsEachMemberOneMail() throws Exception {
		// Both nodes fire the digest every three seconds; twenty members are due now, in one topic's replies.
		Visitor author = signedIn(ADMIN, ADMIN_PASSWORD);
		Visitor.Page created = author.submit(a.url() + "/t/new", a.url() + "/t/new", Map.of("categoryId", categoryId(),
				"title", "News for the digest " + run, "body", "Something new to read.", "tags", ""));
		assertThat(created.status()).isEqualTo(302);
		long topicId = Long.parseLong(created.location().replaceAll(".*/t/(\\d+).*", "$1"));
		List<Long> due = digestReaders("d", topicId, "DAILY");
		long start = System.nanoTime();
		Processes.await("every due member's digest", Duration.ofSeconds(30), () -> digests(due) >= due.size());
		System.out.printf("20 digests written %d ms after they were due%n", (System.nanoTime() - start) / 1_000_000);
		// A few more runs on both nodes: the period is claimed, nothing goes twice.
		Processes.sleep(7_000);
		assertThat(digestsPerMember(due)).hasSize(due.size()).containsOnly(1L);
	}

	/** Twenty confirmed members following the topic, their daily digest due this hour (or off, to switch on later). */
	private List<Long> digestReaders(String prefix, long topicId, String digest) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(READER_PASSWORD);
		List<Long> due = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String name = prefix + "digest" + run + "n" + i;
			jdbc.sql("insert into member (username, username_key, email, email_key, password_hash, display_name, time_zone, "
					+ "role, created_at, version, email_verified) values (?, ?, ?, ?, ?, ?, 'UTC', 'MEMBER', ?, 0, true)")
					.params(name, name, name + "@example.org", name + "@example.org", hash, "Digest reader " + i, now.minusDays(30))
					.update();
			long id = jdbc.sql("select id from member where username_key = ?").param(name).query(Long.class).single();
			jdbc.sql("insert into topic_follow (member_id, topic_id, created_at) values (?, ?, ?)").params(id, topicId, now).update();
			jdbc.sql("insert into mail_setting (member_id, digest, digest_hour, discreet, unsubscribe_token, last_digest_at) "
					+ "values (?, ?, ?, false, ?, ?)")
					.params(id, digest, now.getHour(), (name + "x".repeat(43)).substring(0, 43), now.minusDays(1)).update();
			due.add(id);
		}
		return due;
	}

	private long digests(List<Long> members) {
		return jdbc.sql("select count(*) from mail_outbox where kind = 'DIGEST' and member_id in (:ids)").param("ids", members)
				.query(Long.class).single();
	}

	private List<Long> digestsPerMember(List<Long> members) {
		return jdbc.sql("select count(*) from mail_outbox where kind = 'DIGEST' and member_id in (:ids) group by member_id")
				.param("ids", members).query(Long.class).list();
	}

	@Test
	@Order(6)
	void withSearchDownEverythingElseWorksAndTheIndexCatchesUp() throws Exception {
		Visitor member = signedIn(ADMIN, ADMIN_PASSWORD);
		String word = "stillwater" + run;
		searchProxy.cut();
		try {
			Visitor guest = new Visitor();
			Visitor.Page search = guest.get(b.url() + "/search?q=" + word);
			assertThat(search.status()).isEqualTo(503);
			assertThat(search.body()).contains("Search is resting", word);
			assertThat(guest.get(b.url() + "/latest").status()).isEqualTo(200);
			Visitor.Page created = member.submit(b.url() + "/t/new", b.url() + "/t/new", Map.of("categoryId", categoryId(),
					"title", "Written while search slept " + word, "body", "It must be found later.", "tags", ""));
			assertThat(created.status()).isEqualTo(302);
			// Long enough for the outbox to give up on the change (three quick retries): it must not be lost.
			Processes.sleep(6_000);
		}
		finally {
			searchProxy.restore();
		}
		Visitor guest = new Visitor();
		Processes.await("the topic written during the outage to be found", Duration.ofSeconds(40),
				() -> body(guest, b.url() + "/search?q=" + word).contains("Written while search slept"));
	}

	@Test
	@Order(7)
	void withTheDatabaseGoneANodeAnswersCalmlyAndRecoversByItself() throws Exception {
		Visitor guest = new Visitor();
		assertThat(guest.get(b.url() + "/latest").status()).isEqualTo(200);
		databaseProxy.cut();
		try {
			// Connections already in the pool fail as they are next used; then every request is answered 503.
			Processes.await("node B to notice the database is gone", Duration.ofSeconds(20),
					() -> status(guest, b.url() + "/latest") == 503);
			Visitor.Page page = guest.get(b.url() + "/latest");
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.body()).contains("right back").doesNotContain("Exception").doesNotContain("SQL");
			assertThat(Processes.answers(b.managementUrl() + "/actuator/health/readiness")).isFalse();
			assertThat(guest.get(a.url() + "/latest").status()).isEqualTo(200);
		}
		finally {
			databaseProxy.restore();
		}
		Processes.await("node B to serve pages again", Duration.ofSeconds(30),
				() -> status(guest, b.url() + "/latest") == 200);
	}

	@Test
	@Order(8)
	void aNodeKilledMidBurstLosesNoAcknowledgedPost() throws Exception {
		Visitor member = signedIn(ADMIN, ADMIN_PASSWORD);
		Visitor.Page created = member.submit(a.url() + "/t/new", a.url() + "/t/new", Map.of("categoryId", categoryId(),
				"title", "A burst of replies " + run, "body", "Replies follow.", "tags", ""));
		String topic = a.url() + created.location().replaceFirst("^https?://[^/]+", "");
		long topicId = Long.parseLong(topic.replaceAll(".*/t/(\\d+).*", "$1"));
		List<String> acknowledged = new CopyOnWriteArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		Thread burst = new Thread(() -> {
			for (int i = 0; !stop.get() && i < 200; i++) {
				String marker = "burst" + run + "n" + i;
				try {
					Visitor.Page reply = member.submit(topic, a.url() + "/t/" + topicId + "/reply",
							Map.of("body", "Reply " + marker + " holding on."));
					if (reply.status() == 302) {
						acknowledged.add(marker);
					}
				}
				catch (Exception e) {
					return;
				}
			}
		});
		burst.start();
		Processes.await("a few acknowledged replies", Duration.ofSeconds(60), () -> acknowledged.size() >= 8);
		a.kill();
		stop.set(true);
		burst.join(30_000);
		assertThat(a.alive()).isFalse();
		List<String> inDatabase = jdbc.sql("select source from post where topic_id = ?").param(topicId).query(String.class).list();
		for (String marker : acknowledged) {
			assertThat(inDatabase).anySatisfy(source -> assertThat(source).contains(marker));
		}
		// Node B takes over A's share of the outbox once A's heartbeat expires, and indexes the rest.
		Visitor guest = new Visitor();
		for (String marker : acknowledged) {
			Processes.await("reply " + marker + " to be found on B", Duration.ofSeconds(40),
					() -> body(guest, b.url() + "/search?q=" + marker).contains("A burst of replies " + run));
		}
		Processes.await("the outbox to be empty", Duration.ofSeconds(30),
				() -> jdbc.sql("select count(*) from hsearch_outbox_event").query(Long.class).single() == 0);
	}

	@Test
	@Order(9)
	void aNodeKilledMidDigestLeavesTheRestToTheOtherWithinAMinuteAndNothingTwice() throws Exception {
		// Node C (direct to the database) is to hold the digest lock, so B is cut off from the
		// database while the digest falls due. A claim the test holds open (an uncommitted
		// digest_sent row for the tenth reader) stops C's run there, part-way, still holding the lock.
		c = AppNode.start("C", work, environment(MariaDb.jdbcUrl(database)), arguments());
		Visitor author = new Visitor();
		assertThat(author.signIn(c.url(), ADMIN, ADMIN_PASSWORD, false).status()).isEqualTo(302);
		Visitor.Page created = author.submit(c.url() + "/t/new", c.url() + "/t/new", Map.of("categoryId", categoryId(),
				"title", "More news for the digest " + run, "body", "Something else new to read.", "tags", ""));
		assertThat(created.status()).isEqualTo(302);
		long topicId = Long.parseLong(created.location().replaceAll(".*/t/(\\d+).*", "$1"));
		List<Long> readers = digestReaders("k", topicId, "OFF");
		String period = "D" + LocalDate.now(ZoneOffset.UTC);
		try (Connection held = DriverManager.getConnection(MariaDb.jdbcUrl(database), MariaDb.user(), MariaDb.password())) {
			held.setAutoCommit(false);
			try (var claim = held.prepareStatement("insert into digest_sent (member_id, period_key, created_at) values (?, ?, ?)")) {
				claim.setLong(1, readers.get(9));
				claim.setString(2, period);
				claim.setObject(3, LocalDateTime.now(ZoneOffset.UTC));
				claim.executeUpdate();
			}
			databaseProxy.cut();
			try {
				Processes.sleep(4_000);
				jdbc.sql("update mail_setting set digest = 'DAILY' where member_id in (:ids)").param("ids", readers).update();
				Processes.await("node C to write the first nine digests", Duration.ofSeconds(60), () -> digests(readers) >= 9);
				Processes.sleep(1_000);
			}
			finally {
				databaseProxy.restore();
			}
			assertThat(digests(readers)).isEqualTo(9);
			c.kill();
			held.rollback();
		}
		long killed = System.nanoTime();
		// Node C's lock lapses at most 30 s (lock-at-most) after its last keep-alive; then B sends the rest.
		Processes.sleep(3_000);
		assertThat(digests(readers)).as("the dead node's lock still holds").isEqualTo(9);
		Processes.await("node B to send the remaining digests", Duration.ofSeconds(90), () -> digests(readers) >= readers.size());
		System.out.printf("the rest of the digest sent %d ms after node C was killed%n", (System.nanoTime() - killed) / 1_000_000);
		Processes.sleep(4_000);
		assertThat(digestsPerMember(readers)).hasSize(readers.size()).containsOnly(1L);
		assertThat(jdbc.sql("select count(*) from mail_outbox group by idempotency_key having count(*) > 1").query(Long.class)
				.list()).isEmpty();
	}

	private Visitor signedIn(String login, String password) throws Exception {
		Visitor visitor = new Visitor();
		assertThat(visitor.signIn(a.alive() ? a.url() : b.url(), login, password, false).status()).isEqualTo(302);
		return visitor;
	}

	private String categoryId() {
		return String.valueOf(jdbc.sql("select min(id) from category").query(Long.class).single());
	}

	/** The page's text, without tags (search results highlight the words they matched). */
	private static String body(Visitor visitor, String url) {
		try {
			return visitor.get(url).body().replaceAll("<[^>]+>", "");
		}
		catch (Exception e) {
			return "";
		}
	}

	private static int status(Visitor visitor, String url) {
		try {
			return visitor.get(url).status();
		}
		catch (Exception e) {
			return -1;
		}
	}

	private static boolean mariaDbAnswers() {
		try (Connection c = DriverManager.getConnection(MariaDb.serverUrlForTests(), MariaDb.user(), MariaDb.password())) {
			return c.isValid(2);
		}
		catch (Exception e) {
			return false;
		}
	}
}
