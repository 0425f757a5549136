package org.steadfast.partners;

import java.time.LocalDate;
import java.util.List;

/** What happens between partners, for notifications (in-app and mail) to react to. */
public final class PartnerEvents {

	private PartnerEvents() {
	}

	/**
	 * A proposal was made. Published once for each of the two members: {@code memberId} is the one
	 * to tell, {@code otherId} the member proposed to them.
	 */
	public record ProposalMade(long proposalId, long memberId, long otherId) {
	}

	/** Both accepted; {@code memberA} is the smaller id. */
	public record PartnershipStarted(long partnershipId, long memberA, long memberB) {
	}

	/**
	 * A partnership ended. {@code endedBy} is the member who ended it (by the button, a block or a
	 * report) and {@code otherId} the one to tell kindly; when its agreed time ran out without a
	 * renewal it is published twice, once for each member as {@code otherId}, with {@code endedBy} 0.
	 */
	public record PartnershipEnded(long partnershipId, long endedBy, long otherId) {
	}

	/** {@code lateMemberId} has not checked in by their usual hour plus the grace on their {@code localDate}. */
	public record NudgeSent(long partnershipId, long lateMemberId, long nudgedPartnerId, LocalDate localDate) {
	}

	public record SosRaised(long sosId, long memberId, long partnerId) {
	}

	/** The partner did not answer in time: the SOS went to these volunteer helpers. */
	public record SosEscalated(long sosId, long memberId, List<Long> helperIds) {
	}

	public record SosAnswered(long sosId, long memberId, long answeredById) {
	}

	public record MessageSent(long messageId, long fromId, long toId) {
	}
}
