package org.steadfast.partners.internal;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.MemberBlocked;
import org.steadfast.moderation.FlagReason;
import org.steadfast.moderation.ModerationService.PostFlagged;
import org.steadfast.partners.Partnerships;

/**
 * A block or a report between two members ends their partnership (and withdraws a proposal
 * between them) in the same transaction, so there is no moment in which they are still partners.
 */
@Component
class SafetyListener {

	private final Partnerships partnerships;
	private final Clock clock;

	SafetyListener(Partnerships partnerships, Clock clock) {
		this.partnerships = partnerships;
		this.clock = clock;
	}

	@EventListener
	void on(MemberBlocked event) {
		partnerships.separate(event.blockerId(), event.blockedId(), clock.instant());
	}

	/** Worry for someone (a crisis concern) is care, not a report: it leaves the partnership alone. */
	@EventListener
	void on(PostFlagged event) {
		if (event.reason() != FlagReason.CRISIS) {
			partnerships.separate(event.memberId(), event.authorId(), clock.instant());
		}
	}
}
