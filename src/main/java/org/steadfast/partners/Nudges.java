package org.steadfast.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.MemberFacts;
import org.steadfast.accounts.MemberFacts.Facts;
import org.steadfast.common.Utc;
import org.steadfast.partners.PartnerEvents.NudgeSent;
import org.steadfast.plans.CheckInFacts;

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

	private record Member(long partnershipId, long memberId, long partnerId, int hour) {
	}

	private final JdbcClient jdbc;
	private final PartnerProperties properties;
	private final ApplicationEventPublisher events;
	private final MemberFacts members;
	private final CheckInFacts checkIns;

	Nudges(JdbcClient jdbc, PartnerProperties properties, ApplicationEventPublisher events, MemberFacts members,
			CheckInFacts checkIns) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.members = members;
		this.checkIns = checkIns;
	}

	/**
	 * Sends the nudges due at {@code now}; returns how many were sent. A member is late when their
	 * usual hour plus the grace period passed in their time zone and they have an active plan with
	 * no check-in that day (a member without a plan has nothing to check in to).
	 */
	@Transactional
	public int sendDue(Instant now) {
		List<Member> partnered = new ArrayList<>();
		jdbc.sql("""
				select ps.id, ps.member_a, ps.member_b, coalesce(pa.check_in_hour, 20), coalesce(pb.check_in_hour, 20)
				from partnership ps
				left join partner_profile pa on pa.member_id = ps.member_a
				left join partner_profile pb on pb.member_id = ps.member_b
				where ps.status = 'ACTIVE' and ps.ends_at > ?""")
				.param(Utc.of(now))
				.query(rs -> {
					partnered.add(new Member(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
					partnered.add(new Member(rs.getLong(1), rs.getLong(3), rs.getLong(2), rs.getInt(5)));
				});
		Map<Long, Facts> facts = members.of(partnered.stream().map(Member::memberId).toList());
		Map<Long, LocalDate> lateOn = new HashMap<>();
		for (Member member : partnered) {
			Facts of = facts.get(member.memberId());
			if (of != null) {
				NudgeRule.lateOn(of.zone(), member.hour(), properties.getNudgeGrace(), now)
						.ifPresent(day -> lateOn.put(member.memberId(), day));
			}
		}
		Set<Long> late = lateOn.isEmpty() ? Set.of() : checkIns.notCheckedIn(lateOn);
		int sent = 0;
		for (Member member : partnered) {
			if (!late.contains(member.memberId())) {
				continue;
			}
			LocalDate day = lateOn.get(member.memberId());
			int inserted;
			try {
				inserted = jdbc.sql("insert into partner_nudge (partnership_id, member_id, local_date, created_at) values (?, ?, ?, ?)")
						.params(member.partnershipId(), member.memberId(), day, Utc.of(now)).update();
			}
			catch (DuplicateKeyException e) {
				// Nudged already that day, by an earlier run or another node.
				inserted = 0;
			}
			if (inserted > 0) {
				events.publishEvent(new NudgeSent(member.partnershipId(), member.memberId(), member.partnerId(), day));
				sent++;
			}
		}
		return sent;
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
