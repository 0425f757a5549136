package org.steadfast.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.steadfast.accounts.MemberService;

/**
 * Back to the sign-in page with the typed login kept (never the password) and one generic
 * message, the same whether or not the account exists. A throttled attempt is answered at once
 * with the sign-in page and its message, as 429 with {@code Retry-After}, so that scripts and
 * proxies see the refusal for what it is.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();
	private final MemberService members;

	LoginFailureHandler(MemberService members) {
		this.members = members;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String login = request.getParameter("login");
		FlashMap flash = new FlashMap();
		flash.put("login", login == null ? "" : login.length() > 254 ? login.substring(0, 254) : login);
		flash.put("loginError", exception instanceof LoginThrottledException ? "login.throttled" : "login.failed");
		if (exception instanceof LockedException) {
			members.suspensionOf(login).ifPresent(s -> {
				flash.put("loginError", "login.suspended");
				flash.put("suspendedUntil", s.until());
				flash.put("suspensionReason", s.reason());
			});
		}
		if (exception instanceof LoginThrottledException throttled) {
			showThrottled(request, response, flash, throttled.retryAfter());
			return;
		}
		flash.setTargetRequestPath(request.getContextPath() + "/login");
		flashMaps.saveOutputFlashMap(flash, request, response);
		response.sendRedirect(request.getContextPath() + "/login");
	}

	/** The sign-in page as its GET renders it, with the flash attributes a redirect would have carried. */
	private void showThrottled(HttpServletRequest request, HttpServletResponse response, FlashMap flash,
			Duration retryAfter) throws IOException {
		long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(seconds));
		HttpServletRequest asGet = new HttpServletRequestWrapper(request) {
			@Override
			public String getMethod() {
				return "GET";
			}
		};
		// Messages of earlier attempts still waiting for the sign-in page would be shown instead: this answer replaces them.
		for (int i = 0; i < 100 && flashMaps.retrieveAndUpdate(asGet, response) != null; i++) {
		}
		request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash);
		try {
			request.getRequestDispatcher("/login").forward(asGet, response);
		}
		catch (ServletException e) {
			throw new IOException(e);
		}
	}
}
