package org.steadfast.partners;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.steadfast.support.MariaDbTest;

/**
 * Measures the daily matching job end to end (loading the pool, matching, writing the proposals)
 * on MariaDB for 500 and 5,000 members looking, and prints the times. It leaves thousands of rows
 * behind, so it runs only when asked: {@code ./mvnw verify -Dit.test=PartnerMatchingScaleMariaDbIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dsteadfast.measure=true}.
 */
@MariaDbTest
@EnabledIfSystemProperty(named = "steadfast.measure", matches = "true")
class PartnerMatchingScaleMariaDbIT {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PartnerMatching matching;

	@Autowired
	Clock clock;

	static final String[] ZONES = { "Europe/London", "Europe/Berlin", "Europe/Athens", "America/New_York",
			"America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata",
			"Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland", "Africa/Lagos", "Asia/Singapore" };

	void pool(int n, String prefix) {
		Random random = new Random(n);
		LocalDateTime old = LocalDateTime.ofInstant(clock.instant().minusSeconds(86400 * 60), ZoneOffset.UTC);
		long category = jdbc.queryForObject("select min(id) from category", Long.class);
		List<Object[]> members = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String name = prefix + i;
			members.add(new Object[] { name, name, name + "@x.org", name + "@x.org", "x", name, ZONES[random.nextInt(ZONES.length)], "MEMBER", old });
		}
		jdbc.batchUpdate("insert into member (username, username_key, email, email_key, password_hash, display_name, time_zone, role, created_at) values (?,?,?,?,?,?,?,?,?)", members);
		List<Long> ids = jdbc.queryForList("select id from member where username like ? order by id", Long.class, prefix + "%");
		List<Object[]> topics = new ArrayList<>();
		for (long id : ids) {
			topics.add(new Object[] { category, "PLAN", "PRIVATE", "VISIBLE", "Plan", "plan", id, old, old, id });
		}
		jdbc.batchUpdate("insert into topic (category_id, kind, visibility, status, title, slug, author_id, created_at, last_posted_at, last_poster_id) values (?,?,?,?,?,?,?,?,?,?)", topics);
		List<Object[]> plans = new ArrayList<>();
		List<Object[]> profiles = new ArrayList<>();
		String[] wishes = { "", "DAILY_ENCOURAGEMENT", "READ_CHECK_INS", "DAILY_ENCOURAGEMENT,MESSAGE_BEFORE_BREAKING", "MESSAGE_BEFORE_BREAKING,READ_CHECK_INS" };
		for (long id : ids) {
			long topic = jdbc.queryForObject("select id from topic where author_id = ?", Long.class, id);
			plans.add(new Object[] { topic, id, id, "ACTIVE", LocalDate.now(clock).minusDays(random.nextInt(120)), 30, old });
			profiles.add(new Object[] { id, true, random.nextInt(24), wishes[random.nextInt(wishes.length)], "hi", old });
		}
		jdbc.batchUpdate("insert into plan (topic_id, member_id, active_member_id, status, start_date, target_days, created_at) values (?,?,?,?,?,?,?)", plans);
		jdbc.batchUpdate("insert into partner_profile (member_id, looking, check_in_hour, wishes, intro, updated_at) values (?,?,?,?,?,?)", profiles);
	}

	@Test
	void matchingFiveThousandMembersCompletesInUnderFiveSeconds() {
		jdbc.update("update partner_profile set looking = false");
		pool(500, "s500x");
		Instant now = clock.instant();
		var small = matching.matchAll(now);
		System.out.println("MEASURE 500: pool " + small.poolSize() + ", proposed " + small.proposed().size() + ", " + small.millis() + " ms");
		jdbc.update("update partner_profile set looking = false");
		pool(5000, "s5000x");
		var large = matching.matchAll(now);
		System.out.println("MEASURE 5000: pool " + large.poolSize() + ", proposed " + large.proposed().size() + ", waiting " + large.waiting() + ", " + large.millis() + " ms");
		var again = matching.matchAll(now);
		System.out.println("MEASURE 5000 again: pool " + again.poolSize() + ", proposed " + again.proposed().size() + ", " + again.millis() + " ms");
		Assertions.assertThat(large.proposed()).hasSize(2500);
		Assertions.assertThat(again.proposed()).isEmpty();
	}
}
