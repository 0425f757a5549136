package org.steadfast.partners;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.Blocks;
import org.steadfast.accounts.MemberFacts;
import org.steadfast.accounts.MemberFacts.Facts;
import org.steadfast.common.Refusal;
import org.steadfast.partners.PartnerEvents.SosAnswered;
import org.steadfast.partners.PartnerEvents.SosEscalated;
import org.steadfast.partners.PartnerEvents.SosRaised;
import org.steadfast.partners.Partnerships.Partnership;
import org.steadfast.common.Utc;

/**
 * "I'm about to reach out to them": the partner is alerted at once; when nobody answered within
 * the configured time the SOS goes to volunteers who opted in as SOS helpers. Each step is a
 * conditional update on the SOS's status, so it happens once however often the job runs.
 */
@Service
public class SosAlerts {

	public enum Status {
		OPEN, ESCALATED, ANSWERED, CLOSED
	}

	public record Sos(long id, long partnershipId, long memberId, String memberName, long partnerId, Status status,
			Instant createdAt, Instant escalateAt, Long answeredBy, String answeredByName, Instant answeredAt,
			String answerNote) {

		public boolean waiting() {
			return status == Status.OPEN || status == Status.ESCALATED;
		}
	}

	private final JdbcClient jdbc;
	private final Partnerships partnerships;
	private final PartnerProperties properties;
	private final ApplicationEventPublisher events;
	private final Blocks blocks;
	private final MemberFacts members;

	SosAlerts(JdbcClient jdbc, Partnerships partnerships, PartnerProperties properties,
			ApplicationEventPublisher events, Blocks blocks, MemberFacts members) {
		this.jdbc = jdbc;
		this.blocks = blocks;
		this.members = members;
		this.partnerships = partnerships;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * Raises an SOS, or returns the one still waiting, so that any number of presses at once raise
	 * one alert: the insert claims the waiting slot of (partnership, member) through a unique key,
	 * and a press that loses the race leads to the winner's SOS.
	 */
	@Transactional
	public long raise(long memberId, Instant now) {
		Partnership partnership = partnerships.activeOf(memberId, now)
				.orElseThrow(() -> new Refusal(Refusal.Reason.CONFLICT, null, "partners.sos.noPartner"));
		Optional<Long> waiting = waitingOf(memberId, partnership.id());
		if (waiting.isPresent()) {
			return waiting.get();
		}
		long partnerId = partnership.otherOf(memberId);
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into partner_sos (partnership_id, member_id, partner_id, status, created_at, escalate_at,
					                         waiting_member_id)
					values (?, ?, ?, 'OPEN', ?, ?, ?)""")
					.params(partnership.id(), memberId, partnerId, Utc.of(now),
							Utc.of(now.plus(properties.getSosEscalateAfter())), memberId)
					.update(keys, "id");
		}
		catch (DuplicateKeyException e) {
			// The other press committed first (the key waited for it); read committed sees its row.
			return waitingOf(memberId, partnership.id()).orElseThrow(() -> e);
		}
		long id = keys.getKey().longValue();
		events.publishEvent(new SosRaised(id, memberId, partnerId));
		return id;
	}

	private Optional<Long> waitingOf(long memberId, long partnershipId) {
		return jdbc.sql("select id from partner_sos where partnership_id = ? and waiting_member_id = ?")
				.params(partnershipId, memberId).query(Long.class).optional();
	}

	@Transactional(readOnly = true)
	public Optional<Sos> find(long id) {
		return sos("where s.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/**
	 * Whether this member may see this SOS: its member; the partner while the partnership lasts
	 * (a former partner gets 404, even one who answered it or volunteers as a helper); a helper
	 * once it escalated, or who answered it.
	 */
	@Transactional(readOnly = true)
	public boolean maySee(Sos sos, long viewerId, Instant now) {
		if (sos.memberId() == viewerId) {
			return true;
		}
		if (sos.partnerId() == viewerId) {
			return partnerNow(sos, now);
		}
		return (sos.status() != Status.OPEN && sos.status() != Status.CLOSED && helper(viewerId, sos.memberId()))
				|| (sos.answeredBy() != null && sos.answeredBy() == viewerId);
	}

	private boolean partnerNow(Sos sos, Instant now) {
		return partnerships.partnership(sos.partnershipId()).map(p -> p.activeAt(now)).orElse(false);
	}

	/** SOS calls that reached helpers and nobody answered yet, for a volunteer helper. */
	@Transactional(readOnly = true)
	public List<Sos> escalatedFor(long helperId) {
		if (!optedIn(helperId)) {
			return List.of();
		}
		Set<Long> blocked = new HashSet<>(blocks.eitherWay(helperId));
		blocked.add(helperId);
		return sos("where s.status = 'ESCALATED' and s.member_id not in (:blocked)", Map.of("blocked", blocked));
	}

	/** The SOS waiting for this member's answer as a partner, if any. */
	@Transactional(readOnly = true)
	public Optional<Sos> waitingFor(long partnerId) {
		return sos("where s.partner_id = :partner and s.status = 'OPEN'", Map.of("partner", partnerId)).stream().findFirst();
	}

	/** The member's own latest SOS of the partnership, if any. */
	@Transactional(readOnly = true)
	public Optional<Sos> latestOf(long memberId, long partnershipId) {
		return sos("where s.member_id = :member and s.partnership_id = :partnership",
				Map.of("member", memberId, "partnership", partnershipId)).stream().findFirst();
	}

	private List<Sos> sos(String where, Map<String, ?> params) {
		return jdbc.sql("""
				select s.id, s.partnership_id, s.member_id, m.display_name, s.partner_id, s.status, s.created_at,
				       s.escalate_at, s.answered_by, a.display_name as answered_name, s.answered_at, s.answer_note
				from partner_sos s join member m on m.id = s.member_id left join member a on a.id = s.answered_by
				""" + where + " order by s.id desc limit 50")
				.params(params)
				.query((rs, n) -> new Sos(rs.getLong("id"), rs.getLong("partnership_id"), rs.getLong("member_id"),
						rs.getString("display_name"), rs.getLong("partner_id"), Status.valueOf(rs.getString("status")),
						Utc.read(rs, "created_at"), Utc.read(rs, "escalate_at"), (Long) rs.getObject("answered_by", Long.class),
						rs.getString("answered_name"), Utc.read(rs, "answered_at"), rs.getString("answer_note")))
				.list();
	}

	/**
	 * The partner (while the partnership lasts) or, once it escalated, a helper answers: "I'm here".
	 * Anyone else gets 404; an SOS already answered or closed gets 409.
	 */
	@Transactional
	public void answer(long sosId, long answererId, String note, Instant now) {
		Sos sos = find(sosId).orElseThrow(Refusal::notFound);
		boolean partner = sos.partnerId() == answererId && partnerNow(sos, now);
		boolean helper = sos.partnerId() != answererId && sos.status() == Status.ESCALATED
				&& helper(answererId, sos.memberId());
		if (!partner && !helper) {
			throw Refusal.notFound();
		}
		int updated = jdbc.sql("""
				update partner_sos set status = 'ANSWERED', answered_by = ?, answered_at = ?, answer_note = ?,
				       waiting_member_id = null
				where id = ? and status in ('OPEN', 'ESCALATED')""")
				.params(answererId, Utc.of(now), note, sosId).update();
		if (updated == 0) {
			throw new Refusal(Refusal.Reason.CONFLICT, null, "partners.sos.alreadyAnswered");
		}
		events.publishEvent(new SosAnswered(sosId, sos.memberId(), answererId));
	}

	/** The member is through it: nobody needs to come any more. */
	@Transactional
	public void close(long sosId, long memberId) {
		Sos sos = find(sosId).filter(s -> s.memberId() == memberId).orElseThrow(Refusal::notFound);
		jdbc.sql("update partner_sos set status = 'CLOSED', waiting_member_id = null where id = ? and status in ('OPEN', 'ESCALATED')")
				.param(sos.id()).update();
	}

	/** Sends every SOS whose time ran out unanswered to the helpers; returns how many escalated. */
	@Transactional
	public int escalateDue(Instant now) {
		List<Sos> due = sos("where s.status = 'OPEN' and s.escalate_at <= :now", Map.of("now", Utc.of(now)));
		int escalated = 0;
		for (Sos sos : due) {
			if (jdbc.sql("update partner_sos set status = 'ESCALATED', escalated_at = ? where id = ? and status = 'OPEN'")
					.params(Utc.of(now), sos.id()).update() == 0) {
				continue;
			}
			List<Long> helpers = helpersFor(sos, now);
			events.publishEvent(new SosEscalated(sos.id(), sos.memberId(), helpers));
			escalated++;
		}
		return escalated;
	}

	/** How many helpers an escalated SOS goes to. */
	private static final int HELPERS = 50;

	/**
	 * The first opted-in helpers by id who are neither the member nor the partner, not suspended,
	 * and not blocked by the member either way.
	 */
	private List<Long> helpersFor(Sos sos, Instant now) {
		Set<Long> blocked = blocks.eitherWay(sos.memberId());
		List<Long> candidates = jdbc.sql("""
				select member_id from partner_profile where sos_helper = true and member_id not in (?, ?)
				order by member_id""")
				.params(sos.memberId(), sos.partnerId()).query(Long.class).list()
				.stream().filter(id -> !blocked.contains(id)).toList();
		List<Long> helpers = new ArrayList<>();
		for (int from = 0; from < candidates.size() && helpers.size() < HELPERS; from += HELPERS) {
			List<Long> batch = candidates.subList(from, Math.min(candidates.size(), from + HELPERS));
			Map<Long, Facts> facts = members.of(batch);
			batch.stream().filter(id -> facts.containsKey(id) && !facts.get(id).suspendedAt(now))
					.limit(HELPERS - helpers.size()).forEach(helpers::add);
		}
		return helpers;
	}

	/** An opted-in helper, who is not the member in need and was not blocked by them either way. */
	private boolean helper(long helperId, long memberId) {
		return helperId != memberId && optedIn(helperId) && !blocks.eitherWay(helperId, memberId);
	}

	private boolean optedIn(long memberId) {
		return jdbc.sql("select count(*) from partner_profile where member_id = ? and sos_helper = true")
				.param(memberId).query(Integer.class).single() > 0;
	}
}
