package org.steadfast.notifications.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.steadfast.common.PrivateWrite;
import org.steadfast.notifications.Notice;
import org.steadfast.notifications.NotificationKind;
import org.steadfast.notifications.Notifier;
import org.steadfast.partners.PartnerEvents.MessageSent;
import org.steadfast.partners.PartnerEvents.NudgeSent;
import org.steadfast.partners.PartnerEvents.PartnershipEnded;
import org.steadfast.partners.PartnerEvents.PartnershipStarted;
import org.steadfast.partners.PartnerEvents.ProposalMade;
import org.steadfast.partners.PartnerEvents.SosEscalated;
import org.steadfast.partners.PartnerEvents.SosRaised;

/**
 * Tells partners what happens between them: proposals, a partnership starting or ending, a nudge
 * to check on a partner who hasn't checked in, an SOS (to the partner, then to volunteer helpers
 * when the partner doesn't answer in time) and new messages. Each member's preferences decide
 * whether it stays on the site or is mailed too (SOS and nudges are mailed unless turned off).
 */
@PrivateWrite
@Component
class PartnerListener {

	private static final String HUB = "/partners";

	private final Notifier notifier;

	PartnerListener(Notifier notifier) {
		this.notifier = notifier;
	}

	@ApplicationModuleListener
	void on(ProposalMade event) {
		notifier.notify(Notice.linked(event.memberId(), NotificationKind.PARTNER_PROPOSAL, event.otherId(), HUB));
	}

	@ApplicationModuleListener
	void on(PartnershipStarted event) {
		notifier.notify(Notice.linked(event.memberA(), NotificationKind.PARTNER_ACCEPTED, event.memberB(), HUB));
		notifier.notify(Notice.linked(event.memberB(), NotificationKind.PARTNER_ACCEPTED, event.memberA(), HUB));
	}

	@ApplicationModuleListener
	void on(PartnershipEnded event) {
		// endedBy 0: the agreed time ran out; nobody ended it.
		Long actor = event.endedBy() == 0 ? null : event.endedBy();
		notifier.notify(Notice.linked(event.otherId(), NotificationKind.PARTNER_ENDED, actor, HUB));
	}

	@ApplicationModuleListener
	void on(NudgeSent event) {
		notifier.notify(Notice.linked(event.nudgedPartnerId(), NotificationKind.PARTNER_NUDGE, event.lateMemberId(), HUB)
				.withDetail(event.localDate().toString()));
	}

	@ApplicationModuleListener
	void on(SosRaised event) {
		notifier.notify(Notice.linked(event.partnerId(), NotificationKind.PARTNER_SOS, event.memberId(),
				"/partners/sos/" + event.sosId()));
	}

	@ApplicationModuleListener
	void on(SosEscalated event) {
		for (long helper : event.helperIds()) {
			notifier.notify(Notice.linked(helper, NotificationKind.PARTNER_SOS, event.memberId(), "/partners/sos/" + event.sosId()));
		}
	}

	@ApplicationModuleListener
	void on(MessageSent event) {
		notifier.notify(Notice.linked(event.toId(), NotificationKind.PARTNER_MESSAGE, event.fromId(), "/partners/messages"));
	}
}
