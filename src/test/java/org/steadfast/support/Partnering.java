package org.steadfast.support;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.forum.FormTokens;
import org.steadfast.forum.Visibility;
import org.steadfast.partners.PartnerMatching;
import org.steadfast.partners.PartnerProfiles;
import org.steadfast.partners.Partnerships;
import org.steadfast.partners.matching.Wish;
import org.steadfast.plans.PlanDraft;
import org.steadfast.plans.PlanService;

/** Makes accountability partners for tests of other modules, through matching as members get them. */
@Component
public class Partnering {

	private final Members members;
	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final PlanService plans;
	private final FormTokens formTokens;
	private final PartnerProfiles profiles;
	private final PartnerMatching matching;
	private final Partnerships partnerships;

	Partnering(Members members, JdbcTemplate jdbc, Clock clock, PlanService plans, FormTokens formTokens,
			PartnerProfiles profiles, PartnerMatching matching, Partnerships partnerships) {
		this.members = members;
		this.jdbc = jdbc;
		this.clock = clock;
		this.plans = plans;
		this.formTokens = formTokens;
		this.profiles = profiles;
		this.matching = matching;
		this.partnerships = partnerships;
	}

	/**
	 * A member old enough to be matched, with an active partner-only plan and a profile that is
	 * looking. The plan's title holds no lone run of digits, which could read as a phone number and
	 * hold the plan for a moderator.
	 */
	public MemberPrincipal looking(String prefix) {
		MemberPrincipal m = members.create(prefix);
		jdbc.update("update member set created_at = ? where id = ?",
				LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(30)), ZoneOffset.UTC), m.id());
		plans.create(m.id(), ZoneId.of("Europe/London"), new PlanDraft("Plan of " + m.username(),
				"Nothing, ever.", LocalDate.now(clock).minusDays(10), 30, "Peace", "Evenings", "Walk",
				Visibility.PARTNER, List.of()), formTokens.issue(m.id()));
		profiles.save(m.id(), new PartnerProfiles.Draft(true, 20, Set.of(Wish.DAILY_ENCOURAGEMENT),
				"Hi, I am " + m.username(), false));
		return m;
	}

	/** Matches these two (nobody else stays looking) and has both accept; the partnership's id. */
	public long partnered(MemberPrincipal a, MemberPrincipal b) {
		jdbc.update("update partner_profile set looking = false where member_id not in (?, ?)", a.id(), b.id());
		matching.matchAll(clock.instant());
		long proposal = jdbc.queryForObject("select proposal_id from partner_busy where member_id = ?", Long.class, a.id());
		partnerships.accept(proposal, a.id(), clock.instant());
		return partnerships.accept(proposal, b.id(), clock.instant()).orElseThrow().id();
	}
}
