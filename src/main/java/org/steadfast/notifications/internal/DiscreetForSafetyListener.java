package org.steadfast.notifications.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steadfast.common.PrivateWrite;
import org.steadfast.notifications.MailSettings;
import org.steadfast.plans.PlanEvents.PlanStarted;

/**
 * A member who starts a plan to stay safe from someone who hurt them gets discreet mode at once
 * (neutral mail sender, subjects and push words), before any mail about the plan can be written.
 * It runs inside the transaction that starts the plan, so the plan never exists without it; the
 * member may turn it off in their notification preferences, and the plan page tells them so.
 */
@PrivateWrite
@Component
class DiscreetForSafetyListener {

	private final MailSettings settings;

	DiscreetForSafetyListener(MailSettings settings) {
		this.settings = settings;
	}

	@EventListener
	void on(PlanStarted event) {
		if (!event.purpose().guidance().discreetByDefault()) {
			return;
		}
		var current = settings.of(event.memberId());
		if (!current.discreet()) {
			settings.save(event.memberId(), new MailSettings.Settings(current.digest(), current.hour(), true));
		}
	}
}
