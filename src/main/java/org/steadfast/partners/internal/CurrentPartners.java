package org.steadfast.partners.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.steadfast.common.Utc;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.forum.PartnerDirectory;

/**
 * A member's partner and whether something waits for them on the partner pages, in one indexed
 * statement, looked up at most once per request: the forum asks for the partner (partner-only
 * visibility), the header asks whether to show the dot.
 * <p>
 * Most members never open partner settings, and their pages should not pay for partners. So the
 * ids of members with a partner profile are kept in memory (reloaded every half minute in the
 * background, and added to at once when a profile is saved on this node); for anyone else the
 * answer is "no partner" without a statement. A profile saved on another node is seen here within
 * the half minute; until then the answer errs on the closed side (no partner-only access, no dot).
 * Positive answers are never kept between requests, so access ends the moment a partnership does.
 */
@Component("partnerNav")
public class CurrentPartners implements PartnerDirectory, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CurrentPartners.class);

	private static final Duration RELOAD = Duration.ofSeconds(30);

	private volatile Set<Long> withProfile;

	private ScheduledExecutorService reloader;

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

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		reload();
		reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "partner-profiles-reload");
			thread.setDaemon(true);
			return thread;
		});
		reloader.scheduleWithFixedDelay(this::reload, RELOAD.toSeconds(), RELOAD.toSeconds(), TimeUnit.SECONDS);
	}

	void reload() {
		try {
			Set<Long> ids = ConcurrentHashMap.newKeySet();
			ids.addAll(jdbc.sql("select member_id from partner_profile").query(Long.class).list());
			withProfile = ids;
		}
		catch (RuntimeException e) {
			// Keep the last set (or none: then every member is looked up) and try again later.
			log.debug("Could not reload partner profiles", e);
		}
	}

	/** A profile was saved on this node: its member is looked up from now on. */
	public void profileSaved(long memberId) {
		Set<Long> ids = withProfile;
		if (ids != null) {
			ids.add(memberId);
		}
	}

	@Override
	public void destroy() {
		if (reloader != null) {
			reloader.shutdownNow();
		}
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
		Set<Long> ids = withProfile;
		if (ids != null && !ids.contains(memberId)) {
			return State.NONE;
		}
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

	/** One statement for a whole batch of members (the digest asks per batch of readers). */
	@Override
	public Map<Long, Long> currentPartnersOf(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Long> partners = new HashMap<>();
		jdbc.sql("""
				select b.member_id, case when ps.member_a = b.member_id then ps.member_b else ps.member_a end as partner
				from partner_busy b join partnership ps on ps.proposal_id = b.proposal_id
				where b.member_id in (:members) and ps.status = 'ACTIVE' and ps.ends_at > :now""")
				.param("members", memberIds)
				.param("now", Utc.of(clock.instant()))
				.query(rs -> {
					partners.put(rs.getLong(1), rs.getLong(2));
				});
		return partners;
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
