package org.steadfast.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Batches;

/**
 * What partners need to know of members' plans: who has an active plan and since when (matching),
 * and who has not checked in on a given day (nudges). Nothing else of a plan, whatever its
 * visibility. One statement per {@value #BATCH} members asked about.
 */
@Component
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class CheckInFacts {

	/** Members asked about per statement, so that a large pool does not make one huge statement. */
	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	CheckInFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** For each of these members with an active plan, the day it started. */
	public Map<Long, LocalDate> activePlanStarts(Collection<Long> memberIds) {
		Map<Long, LocalDate> starts = new HashMap<>();
		for (List<Long> batch : Batches.of(memberIds, BATCH)) {
			jdbc.sql("select active_member_id, start_date from plan where active_member_id in (:ids)")
					.param("ids", batch)
					.query(rs -> {
						starts.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
					});
		}
		return starts;
	}

	/**
	 * Those of the members who have an active plan and made no check-in to it on their given day:
	 * a member without an active plan has nothing to check in to.
	 */
	public Set<Long> notCheckedIn(Map<Long, LocalDate> dayByMember) {
		Set<Long> missing = new HashSet<>();
		for (List<Long> batch : Batches.of(dayByMember.keySet(), BATCH)) {
			Map<Long, Set<LocalDate>> checkedIn = new HashMap<>();
			jdbc.sql("""
					select p.active_member_id, c.on_day from plan p
					left join check_in c on c.plan_id = p.id and c.on_day in (:days)
					where p.active_member_id in (:ids)""")
					.param("ids", batch)
					.param("days", batch.stream().map(dayByMember::get).distinct().toList())
					.query(rs -> {
						Set<LocalDate> days = checkedIn.computeIfAbsent(rs.getLong(1), id -> new HashSet<>());
						LocalDate day = rs.getObject(2, LocalDate.class);
						if (day != null) {
							days.add(day);
						}
					});
			checkedIn.forEach((member, days) -> {
				if (!days.contains(dayByMember.get(member))) {
					missing.add(member);
				}
			});
		}
		return missing;
	}
}
