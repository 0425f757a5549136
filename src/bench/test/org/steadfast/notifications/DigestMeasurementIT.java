package org.steadfast.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.steadfast.notifications.internal.DigestContent;
import org.steadfast.notifications.internal.DigestJob;
import org.steadfast.notifications.internal.MailTemplates;
import org.steadfast.notifications.internal.Mailer;
import org.steadfast.support.IntegrationTest;

/**
 * Measures digest composition, not a test of behaviour: generates members who all want a digest
 * now, each following a few topics with new replies, and times one run. On demand only:
 * {@code ./mvnw -Pbench verify -Dit.test=DigestMeasurementIT -Dmeasure=true -Dmeasure.members=10000}
 * (a measurement of src/bench: only the bench profile builds it).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "measure", matches = "true")
class DigestMeasurementIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DigestJob digest;

	@Autowired
	Mailer mailer;

	@Test
	void composeDigestsForManyMembers() {
		int members = Integer.getInteger("measure.members", 10_000);
		int topics = Math.max(50, members / 20);
		Instant now = Instant.parse("2027-08-02T12:10:00Z");
		LocalDateTime posted = LocalDateTime.ofInstant(now.minusSeconds(3600), ZoneOffset.UTC);
		String run = Long.toString(System.nanoTime() % 1_000_000, 36);
		long category = jdbc.queryForObject("select id from category where slug = 'starting-out'", Long.class);

		long t0 = System.nanoTime();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			String name = "m" + run + "x" + i;
			rows.add(new Object[] { name, name.toLowerCase(), name + "@bench.example", name + "@bench.example", name,
					"UTC", posted });
		}
		jdbc.batchUpdate("""
				insert into member (username, username_key, email, email_key, password_hash, display_name, time_zone, role,
				    created_at, email_verified) values (?, ?, ?, ?, '{noop}x', ?, ?, 'MEMBER', ?, true)""", rows);
		long firstMember = jdbc.queryForObject("select min(id) from member where username like ?", Long.class,
				"m" + run + "x%");
		jdbc.update("""
				insert into mail_setting (member_id, digest, digest_hour, discreet, unsubscribe_token, last_digest_at)
				select id, 'DAILY', 12, false, concat(rpad(concat('t', id), 20, 'x'), 'abcdefghijklmnopqrstuvw'), ?
				from member where id >= ? and username like ?""", posted.minusDays(1), firstMember, "m" + run + "x%");

		rows.clear();
		for (int t = 0; t < topics; t++) {
			rows.add(new Object[] { category, "Bench topic " + run + " " + t, "bench-" + t, firstMember + t, posted, posted,
					firstMember + t + 1 });
		}
		jdbc.batchUpdate("""
				insert into topic (category_id, kind, visibility, status, title, slug, author_id, created_at, last_posted_at,
				    last_poster_id, reply_count) values (?, 'DISCUSSION', 'PUBLIC', 'VISIBLE', ?, ?, ?, ?, ?, ?, 4)""", rows);
		long firstTopic = jdbc.queryForObject("select min(id) from topic where title like ?", Long.class,
				"Bench topic " + run + " %");
		rows.clear();
		for (int t = 0; t < topics; t++) {
			for (int number = 1; number <= 5; number++) {
				rows.add(new Object[] { firstTopic + t, number, firstMember + (t * 7 + number) % members, posted });
			}
		}
		jdbc.batchUpdate("""
				insert into post (topic_id, number, author_id, source, html, plain_text, body_hash, status, created_at)
				values (?, ?, ?, 'A reply.', '<p>A reply.</p>', 'A reply.', 'x', 'VISIBLE', ?)""", rows);
		rows.clear();
		for (int i = 0; i < members; i++) {
			for (int f = 0; f < 3; f++) {
				rows.add(new Object[] { firstMember + i, firstTopic + (i * 3L + f * 17L) % topics, posted });
			}
		}
		jdbc.batchUpdate("insert ignore into topic_follow (member_id, topic_id, created_at) values (?, ?, ?)", rows);
		rows = null;
		long generated = System.nanoTime() - t0;

		System.gc();
		long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		long t1 = System.nanoTime();
		DigestJob.Result result = digest.runAt(now);
		long took = System.nanoTime() - t1;
		long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		long written = jdbc.queryForObject("select count(*) from mail_outbox where kind = 'DIGEST' and member_id >= ?",
				Long.class, firstMember);

		// How much of that is rendering the two parts of each mail.
		var recipient = mailer.recipient(firstMember).orElseThrow();
		Map<String, Object> model = new HashMap<>();
		model.put("recipient", recipient);
		model.put("discreet", false);
		model.put("replies", List.of(new DigestContent.TopicLine("A title", "https://x/t/1/a", 3),
				new DigestContent.TopicLine("Another", "https://x/t/2/b", 1)));
		model.put("replyCount", 4);
		model.put("community", new MailTemplates.Parts("", ""));
		model.put("weekly", false);
		model.put("unsubscribeUrl", "https://x/unsubscribe/y");
		model.put("settingsUrl", "https://x/settings/notifications");
		long t2 = System.nanoTime();
		for (int i = 0; i < 2000; i++) {
			mailer.templates().render("digest", model);
		}
		System.out.printf("DIGEST RENDERING: %.2f ms per digest (text and HTML)%n", (System.nanoTime() - t2) / 2000 / 1e6);
		System.out.printf("DIGEST MEASUREMENT: %d members generated in %d ms; run: %s in %d ms = %.0f digests/s; "
				+ "heap before %d MB, after %d MB (max %d MB)%n", members, generated / 1_000_000, result,
				took / 1_000_000, result.sent() / (took / 1e9), heapBefore >> 20, heapAfter >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
		assertThat(written).isEqualTo(members);
	}
}
