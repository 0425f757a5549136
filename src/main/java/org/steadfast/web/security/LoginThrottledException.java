package org.steadfast.web.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this login or from this address; try again later. */
class LoginThrottledException extends AuthenticationException {

	LoginThrottledException() {
		super("too many attempts");
	}
}
