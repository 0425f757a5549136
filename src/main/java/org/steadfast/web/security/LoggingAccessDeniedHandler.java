package org.steadfast.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.steadfast.accounts.CurrentMember;
import org.steadfast.accounts.MemberPrincipal;
import org.steadfast.ops.SecurityLog;

/**
 * Every 403 from the security rules (a missing role, a missing or wrong CSRF token) is a security
 * event. A form sent with a stale token keeps its text ({@link StaleForms}) instead of a bare 403.
 */
class LoggingAccessDeniedHandler implements AccessDeniedHandler {

	private final AccessDeniedHandler delegate = new AccessDeniedHandlerImpl();

	private final StaleForms staleForms;

	LoggingAccessDeniedHandler(StaleForms staleForms) {
		this.staleForms = staleForms;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		SecurityLog.event("access.denied", "member", CurrentMember.get().map(MemberPrincipal::username).orElse(""),
				"method", request.getMethod(), "path", request.getRequestURI(), "address", request.getRemoteAddr(),
				"reason", denied instanceof CsrfException ? "csrf" : "forbidden");
		if (denied instanceof CsrfException && staleForms.rescue(request, response)) {
			return;
		}
		delegate.handle(request, response, denied);
	}
}
