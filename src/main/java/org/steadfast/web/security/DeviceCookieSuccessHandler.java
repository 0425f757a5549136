package org.steadfast.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/** Where a member signs in, that browser becomes one of their devices; then on to the page they asked for. */
class DeviceCookieSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final DeviceCookies devices;
	private final StaleForms staleForms;
	private final RequestCache requests = new HttpSessionRequestCache();

	DeviceCookieSuccessHandler(DeviceCookies devices, StaleForms staleForms) {
		this.devices = devices;
		this.staleForms = staleForms;
		setRequestCache(requests);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		devices.issue(request, response, authentication.getName());
		// A form whose session had ended comes first: its text is waiting in it.
		if (staleForms.afterSignIn(request, response, authentication)) {
			requests.removeRequest(request, response);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
