package org.steadfast.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.partners.PartnerEvents.NudgeSent;
import org.steadfast.common.Utc;

/**
 * Nudges a partner when a member has not checked in by their usual hour plus the grace period, in
 * the member's own time zone ({@link NudgeRule}). The row per partnership, member and local day is
 * the once-a-day guarantee: a second run, or another node, inserts nothing and sends nothing.
 */
@Service
public class Nudges {

	/** A nudge as the partner page shows it. */
	public record Nudge(long lateMemberId, LocalDate localDate, Instant sentAt) {
	}

	private record Member(long partnershipId, long memberId, long partnerId, String zone, int hour) {
	}

	private final JdbcClient jdbc;
	private final PartnerProperties properties;
	private final ApplicationEventPublisher events;

	Nudges(JdbcClient jdbc, PartnerProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
	}

	/** Sends the nudges due at {@code now}; returns how many were sent. */
	@Transactional
	public int sendDue(Instant now) {
		List<Member> members = jdbc.sql("""
				select ps.id, m.id as member_id, case when ps.member_a = m.id then ps.member_b else ps.member_a end as partner_id,
				       m.time_zone, coalesce(pp.check_in_hour, 20) as usual_hour
				from partnership ps
				join member m on m.id in (ps.member_a, ps.member_b)
				left join partner_profile pp on pp.member_id = m.id
				where ps.status = 'ACTIVE' and ps.ends_at > ?""")
				.param(Utc.of(now))
				.query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getInt(5)))
				.list();
		int sent = 0;
		for (Member member : members) {
			var late = NudgeRule.lateOn(ZoneId.of(member.zone()), member.hour(), properties.getNudgeGrace(), now);
			if (late.isEmpty() || checkedIn(member.memberId(), late.get())) {
				continue;
			}
			int inserted;
			try {
				inserted = jdbc.sql("insert into partner_nudge (partnership_id, member_id, local_date, created_at) values (?, ?, ?, ?)")
						.params(member.partnershipId(), member.memberId(), late.get(), Utc.of(now)).update();
			}
			catch (DuplicateKeyException e) {
				// Nudged already that day, by an earlier run or another node.
				inserted = 0;
			}
			if (inserted > 0) {
				events.publishEvent(new NudgeSent(member.partnershipId(), member.memberId(), member.partnerId(), late.get()));
				sent++;
			}
		}
		return sent;
	}

	/** Whether the member has no active plan (nothing to check in to) or checked in on that day. */
	private boolean checkedIn(long memberId, LocalDate day) {
		return jdbc.sql("""
				select (select count(*) from plan p where p.active_member_id = ?) as plans,
				       (select count(*) from check_in c join plan p on p.id = c.plan_id
				        where p.active_member_id = ? and c.on_day = ?) as checkins""")
				.params(memberId, memberId, day)
				.query((rs, n) -> rs.getInt(1) == 0 || rs.getInt(2) > 0)
				.single();
	}

	/** Nudges about this member's partner that the member received, newest first. */
	@Transactional(readOnly = true)
	public List<Nudge> about(long partnershipId, long lateMemberId) {
		return new ArrayList<>(jdbc.sql("""
				select member_id, local_date, created_at from partner_nudge
				where partnership_id = ? and member_id = ? order by local_date desc limit 7""")
				.params(partnershipId, lateMemberId)
				.query((rs, n) -> new Nudge(rs.getLong(1), rs.getObject(2, LocalDate.class), Utc.read(rs, "created_at")))
				.list());
	}
}
