package org.steadfast.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.Member;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.accounts.SignedInSessions;

/** Puts a member into the security context of this session (after joining, or after a settings change). */
@Component
class SignIn {

	private final SecurityContextRepository contexts;
	private final SignedInSessions sessions;

	SignIn(SecurityContextRepository contexts, SignedInSessions sessions) {
		this.contexts = contexts;
		this.sessions = sessions;
	}

	void signIn(Member member, HttpServletRequest request, HttpServletResponse response, boolean newSession) {
		if (newSession && request.getSession(false) != null) {
			request.changeSessionId();
		}
		var principal = MemberPrincipal.of(member);
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		sessions.track(member.getId(), request);
	}
}
