package org.steadfast.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.accounts.MemberPrincipal;

/** What every page may need: the signed-in member (or null for guests). */
@ControllerAdvice
class GlobalModel {

	@ModelAttribute("me")
	MemberPrincipal me(HttpServletRequest request) {
		MemberPrincipal me = CurrentMember.get().orElse(null);
		if (me != null) {
			// A page rendered for a member is never kept for guests, whatever its request looked like.
			request.setAttribute(AnonymousPageCache.RENDERED_FOR_MEMBER, Boolean.TRUE);
		}
		return me;
	}
}
