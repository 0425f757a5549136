package org.steadfast.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Utc;
import org.steadfast.forum.VisibleContent;

/**
 * Day counters and check-ins of many members at once, for work that covers a batch of members
 * (the digest): each answer is one statement, whatever the number of members.
 */
@Component
// Reads need no transaction of their own; inside a caller's transaction they join it.
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class DayCounters {

	/** A member's active plan today: its topic, the day it is and the next milestone, if any is left. */
	public record Standing(long planTopicId, long dayNumber, Optional<Integer> nextMilestone) {

		public Optional<Long> daysToNextMilestone() {
			return nextMilestone.map(m -> m - dayNumber);
		}
	}

	/** A check-in in a member's active plan, with the member's public name. */
	public record CheckInFact(long memberId, String displayName, long planTopicId, Instant at, boolean keptNoContact) {
	}

	private final JdbcClient jdbc;

	DayCounters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For each of the members (with their time zone) whose active plan has started by their today at
	 * {@code now}, where it stands.
	 */
	public Map<Long, Standing> standings(Map<Long, ZoneId> zones, Instant now) {
		if (zones.isEmpty()) {
			return Map.of();
		}
		record Plan(long memberId, long topicId, LocalDate start, List<LocalDate> slips) {
		}
		Map<Long, Plan> plans = new LinkedHashMap<>();
		jdbc.sql("""
				select p.id, p.member_id, p.topic_id, p.start_date, s.on_day
				from plan p left join plan_slip s on s.plan_id = p.id
				where p.member_id in (:ids) and p.status = 'ACTIVE'""")
				.param("ids", zones.keySet())
				.query((rs, n) -> {
					Plan plan = plans.get(rs.getLong(1));
					if (plan == null) {
						plan = new Plan(rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class), new ArrayList<>());
						plans.put(rs.getLong(1), plan);
					}
					LocalDate slip = rs.getObject(5, LocalDate.class);
					if (slip != null) {
						plan.slips().add(slip);
					}
					return null;
				})
				.list();
		Map<Long, Standing> standings = new HashMap<>();
		for (Plan plan : plans.values()) {
			LocalDate today = now.atZone(zones.get(plan.memberId())).toLocalDate();
			if (plan.start().isAfter(today)) {
				continue;
			}
			Streaks streaks = Streaks.of(plan.start(), plan.slips(), today);
			standings.put(plan.memberId(), new Standing(plan.topicId(), streaks.dayNumber(), streaks.nextMilestone()));
		}
		return standings;
	}

	/**
	 * The check-ins the members made in their active plans after {@code since} and up to
	 * {@code until}, as their partner may read them (visible check-ins in plans that are not
	 * private).
	 */
	public List<CheckInFact> checkInsForPartners(Collection<Long> memberIds, Instant since, Instant until) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select pl.member_id, m.display_name, t.id, p.created_at, c.kept_no_contact
				from plan pl join topic t on t.id = pl.topic_id join post p on p.topic_id = t.id
				join check_in c on c.post_id = p.id join member m on m.id = pl.member_id
				where pl.member_id in (:members) and pl.status = 'ACTIVE'
				  and p.created_at > :since and p.created_at <= :until and p.status = 'VISIBLE' and t.status = 'VISIBLE'
				  and """ + VisibleContent.topicVisibleTo(VisibleContent.NOBODY, "pl.member_id"))
				.param("members", memberIds)
				.param("since", Utc.of(since)).param("until", Utc.of(until))
				.query((rs, n) -> new CheckInFact(rs.getLong(1), rs.getString(2), rs.getLong(3), Utc.read(rs, "created_at"),
						rs.getBoolean(5)))
				.list();
	}
}
