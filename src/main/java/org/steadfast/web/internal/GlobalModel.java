package org.steadfast.web.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.accounts.MemberPrincipal;

/** What every page may need: the signed-in member (or null for guests). */
@ControllerAdvice
class GlobalModel {

	@ModelAttribute("me")
	MemberPrincipal me() {
		return CurrentMember.get().orElse(null);
	}
}
