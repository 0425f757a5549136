package org.steadfast.accounts.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.SignedInSessions;

/** Every sign-in (form or remember-me) registers its session, so that a password reset can end it. */
@Component
class SessionTracking {

	private final SignedInSessions sessions;

	SessionTracking(SignedInSessions sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof MemberPrincipal member
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			sessions.track(member.id(), attributes.getRequest());
		}
	}
}
