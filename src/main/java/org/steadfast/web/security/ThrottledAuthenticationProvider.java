package org.steadfast.web.security;

import static org.steadfast.web.security.LoginThrottle.addressKey;
import static org.steadfast.web.security.LoginThrottle.deviceKey;
import static org.steadfast.web.security.LoginThrottle.loginKey;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.steadfast.ops.SecurityLog;

/**
 * Checks the throttle before the password, and counts every wrong password: against the device
 * cookie when the browser presented a valid one for this login, otherwise against the login and
 * the address.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;
	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String login = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		String device = authentication.getDetails() instanceof LoginAttemptDetails details ? details.device() : null;
		Duration wait = throttle.waitFor(login, address, device);
		if (!wait.isZero()) {
			throw new LoginThrottledException(wait);
		}
		try {
			Authentication result = delegate.authenticate(authentication);
			if (device == null) {
				throttle.succeeded(login);
			}
			else {
				// Not the login's count: someone guessing elsewhere keeps their count, whatever the member does.
				throttle.clear(deviceKey(device));
			}
			return result;
		}
		catch (BadCredentialsException e) {
			String[] keys = device == null ? new String[] { loginKey(login), addressKey(address) }
					: new String[] { deviceKey(device) };
			throttle.failed(keys);
			for (String key : keys) {
				// Nothing was blocked before this attempt, so a key blocked now has just been locked out.
				Duration locked = throttle.waitFor(key);
				if (!locked.isZero()) {
					SecurityLog.event("signin.lockout", "by", key.substring(0, key.indexOf(':')), "login", login,
							"address", address, "seconds", locked.toSeconds());
				}
			}
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
