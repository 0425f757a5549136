package org.steadfast.web.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this login, from this address or with this device cookie; try again later. */
class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("too many attempts");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return retryAfter;
	}
}
