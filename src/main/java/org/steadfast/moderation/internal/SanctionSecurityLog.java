package org.steadfast.moderation.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.moderation.ModerationService.Sanctioned;
import org.steadfast.ops.SecurityLog;

/** Sanctions are security events too: one line in the security log once the sanction is stored. */
@Component
class SanctionSecurityLog {

	@EventListener
	void on(Sanctioned sanction) {
		// Published in the moderator's own request, so the acting member is the one signed in.
		SecurityLog.afterCommit("sanction", "member", sanction.memberId(), "kind", sanction.kind(), "until",
				sanction.until(), "by", CurrentMember.get().map(MemberPrincipal::username).orElse(""));
	}
}
