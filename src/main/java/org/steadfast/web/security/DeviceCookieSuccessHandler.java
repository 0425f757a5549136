package org.steadfast.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** Where a member signs in, that browser becomes one of their devices; then on to the page they asked for. */
class DeviceCookieSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final DeviceCookies devices;

	DeviceCookieSuccessHandler(DeviceCookies devices) {
		this.devices = devices;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		devices.issue(request, response, authentication.getName());
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
