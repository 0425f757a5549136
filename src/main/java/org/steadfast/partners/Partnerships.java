package org.steadfast.partners;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.common.Refusal;
import org.steadfast.common.Utc;
import org.steadfast.partners.PartnerEvents.PartnershipEnded;
import org.steadfast.partners.PartnerEvents.PartnershipStarted;

/**
 * Proposals and partnerships: both accept within the proposal's lifetime, a partnership lasts the
 * agreed days and is renewed when both ask, and either side ends it at once. Every change is a
 * conditional update on the row's state, so a double click, a second node or a lapsed proposal
 * changes nothing twice and gets a clear answer instead.
 */
@Service
public class Partnerships {

	/** A proposal as its two members see it. */
	public record Proposal(long id, long memberA, long memberB, String status, boolean acceptedA, boolean acceptedB,
			Instant createdAt, Instant expiresAt) {

		public boolean involves(long memberId) {
			return memberA == memberId || memberB == memberId;
		}

		public long otherOf(long memberId) {
			return memberA == memberId ? memberB : memberA;
		}

		public boolean acceptedBy(long memberId) {
			return memberA == memberId ? acceptedA : acceptedB;
		}

		public boolean openAt(Instant now) {
			return "OPEN".equals(status) && now.isBefore(expiresAt);
		}
	}

	/** A partnership as its two members see it. */
	public record Partnership(long id, long proposalId, long memberA, long memberB, String status, int lengthDays,
			Instant startedAt, Instant endsAt, boolean renewA, boolean renewB, Instant endedAt, Long endedBy) {

		public boolean involves(long memberId) {
			return memberA == memberId || memberB == memberId;
		}

		public long otherOf(long memberId) {
			return memberA == memberId ? memberB : memberA;
		}

		public boolean activeAt(Instant now) {
			return "ACTIVE".equals(status) && now.isBefore(endsAt);
		}

		public boolean renewRequestedBy(long memberId) {
			return memberA == memberId ? renewA : renewB;
		}

		public boolean renewRequestedByOther(long memberId) {
			return memberA == memberId ? renewB : renewA;
		}
	}

	private final JdbcClient jdbc;
	private final PartnerProperties properties;
	private final ApplicationEventPublisher events;
	private final PartnerProfiles profiles;

	Partnerships(JdbcClient jdbc, PartnerProperties properties, ApplicationEventPublisher events,
			PartnerProfiles profiles) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.profiles = profiles;
	}

	@Transactional(readOnly = true)
	public Optional<Proposal> proposal(long id) {
		return jdbc.sql("""
				select id, member_a, member_b, status, accepted_a, accepted_b, created_at, expires_at
				from partner_proposal where id = ?""")
				.param(id)
				.query((rs, n) -> new Proposal(rs.getLong("id"), rs.getLong("member_a"), rs.getLong("member_b"),
						rs.getString("status"), rs.getBoolean("accepted_a"), rs.getBoolean("accepted_b"),
						Utc.read(rs, "created_at"), Utc.read(rs, "expires_at")))
				.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Partnership> partnership(long id) {
		return partnerships("where id = ?", id).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<Partnership> byProposal(long proposalId) {
		return partnerships("where proposal_id = ?", proposalId).stream().findFirst();
	}

	/** The proposal the member is in now (open or just decided), if any. */
	@Transactional(readOnly = true)
	public Optional<Proposal> openProposalOf(long memberId) {
		return jdbc.sql("""
				select pr.id, pr.member_a, pr.member_b, pr.status, pr.accepted_a, pr.accepted_b, pr.created_at, pr.expires_at
				from partner_busy b join partner_proposal pr on pr.id = b.proposal_id where b.member_id = ?""")
				.param(memberId)
				.query((rs, n) -> new Proposal(rs.getLong("id"), rs.getLong("member_a"), rs.getLong("member_b"),
						rs.getString("status"), rs.getBoolean("accepted_a"), rs.getBoolean("accepted_b"),
						Utc.read(rs, "created_at"), Utc.read(rs, "expires_at")))
				.optional();
	}

	/** The member's partnership that is active at {@code now}, if any. */
	@Transactional(readOnly = true)
	public Optional<Partnership> activeOf(long memberId, Instant now) {
		return partnerships("""
				where proposal_id = (select proposal_id from partner_busy where member_id = ?) and status = 'ACTIVE'""",
				memberId).stream().filter(p -> p.activeAt(now)).findFirst();
	}

	private List<Partnership> partnerships(String where, Object param) {
		return jdbc.sql("""
				select id, proposal_id, member_a, member_b, status, length_days, started_at, ends_at, renew_a, renew_b,
				       ended_at, ended_by
				from partnership\s""" + where)
				.param(param)
				.query((rs, n) -> new Partnership(rs.getLong("id"), rs.getLong("proposal_id"), rs.getLong("member_a"),
						rs.getLong("member_b"), rs.getString("status"), rs.getInt("length_days"),
						Utc.read(rs, "started_at"), Utc.read(rs, "ends_at"), rs.getBoolean("renew_a"),
						rs.getBoolean("renew_b"), Utc.read(rs, "ended_at"), (Long) rs.getObject("ended_by", Long.class)))
				.list();
	}

	/**
	 * Accepts a proposal. When the other had accepted already, the partnership starts. Someone
	 * else's proposal is 404; a lapsed, declined or already started one is 409 with the reason.
	 */
	@Transactional
	public Optional<Partnership> accept(long proposalId, long memberId, Instant now) {
		Proposal proposal = mine(proposalId, memberId);
		String side = proposal.memberA() == memberId ? "accepted_a" : "accepted_b";
		int updated = jdbc.sql("update partner_proposal set " + side + " = true where id = ? and status = 'OPEN' and expires_at > ?")
				.params(proposalId, Utc.of(now)).update();
		if (updated == 0) {
			throw closed(proposal, now);
		}
		int agreed = jdbc.sql("""
				update partner_proposal set status = 'ACCEPTED', decided_at = ?
				where id = ? and status = 'OPEN' and accepted_a = true and accepted_b = true""")
				.params(Utc.of(now), proposalId).update();
		if (agreed == 0) {
			return Optional.empty();
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into partnership (proposal_id, member_a, member_b, status, length_days, started_at, ends_at)
				values (?, ?, ?, 'ACTIVE', ?, ?, ?)""")
				.params(proposalId, proposal.memberA(), proposal.memberB(), properties.getPartnershipDays(), Utc.of(now),
						Utc.of(now.plus(Duration.ofDays(properties.getPartnershipDays()))))
				.update(keys, "id");
		long id = keys.getKey().longValue();
		events.publishEvent(new PartnershipStarted(id, proposal.memberA(), proposal.memberB()));
		return partnership(id);
	}

	/** Declines a proposal: it closes for both, and the two are never proposed to each other again. */
	@Transactional
	public void decline(long proposalId, long memberId, Instant now) {
		Proposal proposal = mine(proposalId, memberId);
		int updated = jdbc.sql("update partner_proposal set status = 'DECLINED', decided_at = ? where id = ? and status = 'OPEN' and expires_at > ?")
				.params(Utc.of(now), proposalId, Utc.of(now)).update();
		if (updated == 0) {
			throw closed(proposal, now);
		}
		free(proposalId);
	}

	private Proposal mine(long proposalId, long memberId) {
		return proposal(proposalId).filter(p -> p.involves(memberId)).orElseThrow(Refusal::notFound);
	}

	private Refusal closed(Proposal proposal, Instant now) {
		String key = switch (proposal.status()) {
			case "OPEN" -> now.isBefore(proposal.expiresAt()) ? "partners.proposal.changed" : "partners.proposal.lapsed";
			case "LAPSED" -> "partners.proposal.lapsed";
			case "DECLINED" -> "partners.proposal.declined";
			case "WITHDRAWN" -> "partners.proposal.withdrawn";
			default -> "partners.proposal.alreadyAccepted";
		};
		return new Refusal(Refusal.Reason.CONFLICT, null, key);
	}

	/** Ends a partnership at once, no reason needed. Ending it twice is a 409 with a clear message. */
	@Transactional
	public void end(long partnershipId, long memberId, Instant now) {
		Partnership partnership = partnership(partnershipId).filter(p -> p.involves(memberId))
				.orElseThrow(Refusal::notFound);
		if (!endNow(partnership, memberId, now)) {
			throw new Refusal(Refusal.Reason.CONFLICT, null, "partners.partnership.alreadyEnded");
		}
	}

	private boolean endNow(Partnership partnership, long endedBy, Instant now) {
		int updated = jdbc.sql("""
				update partnership set status = 'ENDED', ended_at = ?, ended_by = ?
				where id = ? and status = 'ACTIVE' and ends_at > ?""")
				.params(Utc.of(now), endedBy, partnership.id(), Utc.of(now)).update();
		if (updated == 0) {
			return false;
		}
		free(partnership.proposalId());
		escalateOpenSos(partnership.id(), now);
		events.publishEvent(new PartnershipEnded(partnership.id(), endedBy, partnership.otherOf(endedBy)));
		return true;
	}

	/**
	 * One of the two blocked or reported the other: their partnership ends at once, an open
	 * proposal between them is withdrawn, and (because a proposal between them exists) they are
	 * never proposed to each other again.
	 */
	@Transactional
	public void separate(long actorId, long otherId, Instant now) {
		long a = Math.min(actorId, otherId);
		long b = Math.max(actorId, otherId);
		jdbc.sql("select id from partner_proposal where member_a = ? and member_b = ?").params(a, b).query(Long.class)
				.optional().ifPresent(proposalId -> {
					int withdrawn = jdbc.sql("update partner_proposal set status = 'WITHDRAWN', decided_at = ? where id = ? and status = 'OPEN'")
							.params(Utc.of(now), proposalId).update();
					if (withdrawn > 0) {
						free(proposalId);
					}
					byProposal(proposalId).ifPresent(p -> endNow(p, actorId, now));
				});
	}

	/**
	 * Asks to renew for another term; when both have asked, the end moves on by the agreed length.
	 * Returns whether the renewal took effect now.
	 */
	@Transactional
	public boolean renew(long partnershipId, long memberId, Instant now) {
		Partnership partnership = partnership(partnershipId).filter(p -> p.involves(memberId))
				.orElseThrow(Refusal::notFound);
		String side = partnership.memberA() == memberId ? "renew_a" : "renew_b";
		int updated = jdbc.sql("update partnership set " + side + " = true where id = ? and status = 'ACTIVE' and ends_at > ?")
				.params(partnershipId, Utc.of(now)).update();
		if (updated == 0) {
			throw new Refusal(Refusal.Reason.CONFLICT, null, "partners.partnership.alreadyEnded");
		}
		Partnership current = partnership(partnershipId).orElseThrow();
		if (!current.renewA() || !current.renewB()) {
			return false;
		}
		return jdbc.sql("""
				update partnership set ends_at = ?, renew_a = false, renew_b = false
				where id = ? and renew_a = true and renew_b = true and ends_at = ?""")
				.params(Utc.of(current.endsAt().plus(Duration.ofDays(current.lengthDays()))), partnershipId,
						Utc.of(current.endsAt()))
				.update() > 0;
	}

	/**
	 * Closes proposals whose time ran out and partnerships whose agreed time ended. A member who
	 * never answered a lapsed proposal stops looking until they opt in again. Safe to run twice.
	 */
	@Transactional
	public int closeDue(Instant now) {
		List<Proposal> lapsing = jdbc.sql("""
				select id, member_a, member_b, status, accepted_a, accepted_b, created_at, expires_at
				from partner_proposal where status = 'OPEN' and expires_at <= ?""")
				.param(Utc.of(now))
				.query((rs, n) -> new Proposal(rs.getLong("id"), rs.getLong("member_a"), rs.getLong("member_b"),
						rs.getString("status"), rs.getBoolean("accepted_a"), rs.getBoolean("accepted_b"),
						Utc.read(rs, "created_at"), Utc.read(rs, "expires_at")))
				.list();
		int closed = 0;
		for (Proposal proposal : lapsing) {
			if (jdbc.sql("update partner_proposal set status = 'LAPSED', decided_at = ? where id = ? and status = 'OPEN'")
					.params(Utc.of(now), proposal.id()).update() > 0) {
				free(proposal.id());
				if (!proposal.acceptedA()) {
					profiles.stopLooking(proposal.memberA());
				}
				if (!proposal.acceptedB()) {
					profiles.stopLooking(proposal.memberB());
				}
				closed++;
			}
		}
		for (Partnership partnership : partnerships("where status = 'ACTIVE' and ends_at <= ?", Utc.of(now))) {
			if (jdbc.sql("update partnership set status = 'ENDED', ended_at = ends_at where id = ? and status = 'ACTIVE'")
					.param(partnership.id()).update() > 0) {
				free(partnership.proposalId());
				escalateOpenSos(partnership.id(), now);
				events.publishEvent(new PartnershipEnded(partnership.id(), 0, partnership.memberA()));
				events.publishEvent(new PartnershipEnded(partnership.id(), 0, partnership.memberB()));
				closed++;
			}
		}
		return closed;
	}

	private void free(long proposalId) {
		jdbc.sql("delete from partner_busy where proposal_id = ?").param(proposalId).update();
	}

	/** An SOS the partner can no longer answer goes to the volunteer helpers at the next look. */
	private void escalateOpenSos(long partnershipId, Instant now) {
		jdbc.sql("update partner_sos set escalate_at = ? where partnership_id = ? and status = 'OPEN' and escalate_at > ?")
				.params(Utc.of(now), partnershipId, Utc.of(now)).update();
	}

}
