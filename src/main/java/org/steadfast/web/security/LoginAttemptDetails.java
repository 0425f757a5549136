package org.steadfast.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A sign-in attempt's client address and, when the browser presented a valid device cookie for
 * the typed login, that cookie's device id (null otherwise).
 */
class LoginAttemptDetails extends WebAuthenticationDetails {

	private final String device;

	LoginAttemptDetails(HttpServletRequest request, String device) {
		super(request);
		this.device = device;
	}

	String device() {
		return device;
	}

	static AuthenticationDetailsSource<HttpServletRequest, LoginAttemptDetails> source(DeviceCookies devices) {
		return request -> new LoginAttemptDetails(request,
				devices.deviceFor(request, request.getParameter("login")).orElse(null));
	}
}
