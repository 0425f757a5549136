package org.steadfast.partners.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.forum.PartnerDirectory;

/**
 * A member's partner and whether something waits for them on the partner pages, in one indexed
 * statement, looked up at most once per request: the forum asks for the partner (partner-only
 * visibility), the header asks whether to show the dot.
 */
@Component("partnerNav")
public class CurrentPartners implements PartnerDirectory {

	/** What the header and visibility need to know. */
	public record State(Long partnerId, boolean proposalWaiting, boolean sosWaiting, boolean helpNeeded) {

		static final State NONE = new State(null, false, false, false);

		public boolean alert() {
			return proposalWaiting || sosWaiting || helpNeeded;
		}
	}

	private static final String ATTRIBUTE = CurrentPartners.class.getName() + ".state.";

	private final JdbcClient jdbc;
	private final Clock clock;

	CurrentPartners(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Long currentPartnerOf(long memberId) {
		return state(memberId).partnerId();
	}

	/** Whether the signed-in member has a proposal to answer or an SOS waiting for them (for the header). */
	public boolean alert() {
		return CurrentMember.id().map(id -> state(id).alert()).orElse(false);
	}

	public State state(long memberId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return load(memberId);
		}
		String key = ATTRIBUTE + memberId;
		if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof State known) {
			return known;
		}
		State state = load(memberId);
		request.setAttribute(key, state, RequestAttributes.SCOPE_REQUEST);
		return state;
	}

	private State load(long memberId) {
		return jdbc.sql("""
				select
				  (select case when ps.member_a = :me then ps.member_b else ps.member_a end
				   from partner_busy b join partnership ps on ps.proposal_id = b.proposal_id
				   where b.member_id = :me and ps.status = 'ACTIVE' and ps.ends_at > :now) as partner,
				  (select count(*) from partner_busy b join partner_proposal pr on pr.id = b.proposal_id
				   where b.member_id = :me and pr.status = 'OPEN' and pr.expires_at > :now
				     and ((pr.member_a = :me and pr.accepted_a = false) or (pr.member_b = :me and pr.accepted_b = false))) as proposals,
				  (select count(*) from partner_sos s where s.partner_id = :me and s.status = 'OPEN') as sos,
				  (select count(*) from partner_profile h where h.member_id = :me and h.sos_helper = true
				     and exists (select 1 from partner_sos e where e.status = 'ESCALATED' and e.member_id <> :me)) as helping""")
				.param("me", memberId)
				.param("now", Utc.of(clock.instant()))
				.query((rs, n) -> new State((Long) rs.getObject("partner", Long.class), rs.getInt("proposals") > 0,
						rs.getInt("sos") > 0, rs.getInt("helping") > 0))
				.optional()
				.orElse(State.NONE);
	}
}
