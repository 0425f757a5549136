package org.steadfast.web.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.RoleChanged;
import org.steadfast.ops.SecurityLog;

/** Sign-ins and role changes, written to the security log as they happen. */
@Component
class SecurityEvents {

	@EventListener
	void on(AuthenticationSuccessEvent success) {
		Authentication authentication = success.getAuthentication();
		SecurityLog.event("signin.success", "login", authentication.getName(), "address", address(authentication),
				"method", authentication instanceof RememberMeAuthenticationToken ? "remember-me" : "password",
				"device", authentication.getDetails() instanceof LoginAttemptDetails d && d.device() != null ? "known" : "new");
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		Authentication authentication = failure.getAuthentication();
		String reason = failure.getException() instanceof LoginThrottledException ? "throttled"
				: failure.getException() instanceof LockedException ? "suspended" : "bad-credentials";
		SecurityLog.event("signin.failure", "login", authentication.getName(), "address", address(authentication),
				"reason", reason);
	}

	@EventListener
	void on(RoleChanged change) {
		SecurityLog.afterCommit("role.change", "admin", change.adminId(), "member", change.memberId(), "from",
				change.before(), "to", change.after());
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
	}
}
