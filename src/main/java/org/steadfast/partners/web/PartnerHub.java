package org.steadfast.partners.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.steadfast.accounts.Member;
import org.steadfast.accounts.MemberService;
import org.steadfast.forum.Viewer;
import org.steadfast.partners.Nudges;
import org.steadfast.partners.PartnerMessages;
import org.steadfast.partners.PartnerProfile;
import org.steadfast.partners.PartnerProfiles;
import org.steadfast.partners.Partnerships;
import org.steadfast.partners.Partnerships.Partnership;
import org.steadfast.partners.Partnerships.Proposal;
import org.steadfast.partners.SosAlerts;
import org.steadfast.plans.PlanQueries;
import org.steadfast.plans.PlanViews.PlanPage;
import org.steadfast.plans.PlanViews.Progress;

/** Everything the partner page shows a member, whatever state they are in. */
@Component
class PartnerHub {

	/** The other member as a proposal or partnership shows them. */
	record Other(long id, String username, String displayName, String intro, String zone, String hoursApart,
			Progress progress) {
	}

	record Hub(PartnerProfile profile, Proposal proposal, Partnership partnership, Other other, PlanPage otherPlan,
			List<PartnerMessages.Message> messages, List<Nudges.Nudge> nudges, SosAlerts.Sos sosForMe,
			SosAlerts.Sos mySos, List<SosAlerts.Sos> helping, boolean hasPlan) {
	}

	private final PartnerProfiles profiles;
	private final Partnerships partnerships;
	private final PartnerMessages messages;
	private final Nudges nudges;
	private final SosAlerts sos;
	private final MemberService members;
	private final PlanQueries plans;
	private final Clock clock;

	PartnerHub(PartnerProfiles profiles, Partnerships partnerships, PartnerMessages messages, Nudges nudges,
			SosAlerts sos, MemberService members, PlanQueries plans, Clock clock) {
		this.profiles = profiles;
		this.partnerships = partnerships;
		this.messages = messages;
		this.nudges = nudges;
		this.sos = sos;
		this.members = members;
		this.plans = plans;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Hub of(long memberId, Viewer viewer) {
		Instant now = clock.instant();
		PartnerProfile profile = profiles.of(memberId);
		Optional<Partnership> partnership = partnerships.activeOf(memberId, now);
		Proposal proposal = null;
		if (partnership.isEmpty()) {
			proposal = openProposal(memberId, now).orElse(null);
		}
		Long otherId = partnership.map(p -> p.otherOf(memberId))
				.orElse(proposal == null ? null : proposal.otherOf(memberId));
		Other other = otherId == null ? null : other(memberId, otherId, now);
		PlanPage otherPlan = null;
		List<PartnerMessages.Message> conversation = List.of();
		List<Nudges.Nudge> nudged = List.of();
		SosAlerts.Sos mine = null;
		if (partnership.isPresent()) {
			otherPlan = other.progress() == null ? null : plans.page(viewer, other.progress().topicId()).orElse(null);
			conversation = messages.conversation(partnership.get().id());
			nudged = nudges.about(partnership.get().id(), otherId);
			mine = sos.latestOf(memberId, partnership.get().id()).filter(SosAlerts.Sos::waiting).orElse(null);
		}
		return new Hub(profile, proposal, partnership.orElse(null), other, otherPlan, conversation, nudged,
				sos.waitingFor(memberId).orElse(null), mine, sos.escalatedFor(memberId),
				plans.activePlanOf(memberId).isPresent());
	}

	private Optional<Proposal> openProposal(long memberId, Instant now) {
		return partnerships.openProposalOf(memberId).filter(p -> p.openAt(now));
	}

	private Other other(long memberId, long otherId, Instant now) {
		Member me = members.findById(memberId).orElseThrow();
		Member them = members.findById(otherId).orElseThrow();
		int seconds = zoneOffset(them.getZone(), now) - zoneOffset(me.getZone(), now);
		String apart = seconds == 0 ? "0" : (seconds > 0 ? "+" : "−") + hours(Math.abs(seconds));
		return new Other(otherId, them.getUsername(), them.getDisplayName(), profiles.of(otherId).intro(),
				them.getZone().getId(), apart, plans.progressOf(otherId).orElse(null));
	}

	private static int zoneOffset(ZoneId zone, Instant now) {
		return zone.getRules().getOffset(now).getTotalSeconds();
	}

	private static String hours(int seconds) {
		int minutes = seconds / 60;
		return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%d:%02d", minutes / 60, minutes % 60);
	}
}
