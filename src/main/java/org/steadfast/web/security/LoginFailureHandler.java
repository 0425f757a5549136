package org.steadfast.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Back to the sign-in page with the typed login kept (never the password) and one generic
 * message, the same whether or not the account exists.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();
	private final org.steadfast.accounts.MemberService members;

	LoginFailureHandler(org.steadfast.accounts.MemberService members) {
		this.members = members;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String login = request.getParameter("login");
		FlashMap flash = new FlashMap();
		flash.put("login", login == null ? "" : login.length() > 254 ? login.substring(0, 254) : login);
		flash.put("loginError", exception instanceof LoginThrottledException ? "login.throttled" : "login.failed");
		if (exception instanceof org.springframework.security.authentication.LockedException) {
			members.suspensionOf(login).ifPresent(s -> {
				flash.put("loginError", "login.suspended");
				flash.put("suspendedUntil", s.until());
				flash.put("suspensionReason", s.reason());
			});
		}
		flash.setTargetRequestPath(request.getContextPath() + "/login");
		flashMaps.saveOutputFlashMap(flash, request, response);
		response.sendRedirect(request.getContextPath() + "/login");
	}
}
