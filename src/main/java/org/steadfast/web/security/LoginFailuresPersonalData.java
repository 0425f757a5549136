package org.steadfast.web.security;

import org.springframework.stereotype.Component;
import org.steadfast.accounts.ExportWriter;
import org.steadfast.accounts.PersonalData;

/**
 * Failed sign-ins typed with the member's username or address. Kept only as hashes and only for the
 * throttle's window, so there is nothing to export; they go with the account all the same.
 */
@Component
class LoginFailuresPersonalData implements PersonalData {

	private final LoginThrottle throttle;

	LoginFailuresPersonalData(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	public int order() {
		return 600;
	}

	@Override
	public void export(long memberId, ExportWriter out) {
	}

	@Override
	public void erase(Leaving member) {
		throttle.succeeded(member.username());
		throttle.succeeded(member.email());
	}
}
