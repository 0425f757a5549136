package org.steadfast.web.security;

import java.time.Duration;
import java.util.Locale;

/**
 * Counts failed sign-ins within a sliding window, per key: the typed login and the client address
 * for browsers the site doesn't know, the device cookie for browsers where that login signed in
 * before (OWASP's device cookies: a member's own browser is not locked out by failures made
 * elsewhere). After {@code maxFailures} failures on a key, it is refused until the oldest failure
 * ages out. The typed login is counted whether or not such an account exists, so the answer never
 * reveals which accounts exist. One node counts in memory ({@link MemoryLoginThrottle}); nodes of
 * a cluster count together in the database ({@link DatabaseLoginThrottle}), so that adding nodes
 * doesn't multiply the guesses allowed.
 */
public interface LoginThrottle {

	/** How long until this key may be tried again; zero when it may now. */
	Duration waitFor(String key);

	/** One more failure for each of these keys. */
	void failed(String... keys);

	/** Forgets the failures of this key. */
	void clear(String key);

	/** How long until this login from this address, in a browser without a device cookie, may try again. */
	default Duration waitFor(String login, String address) {
		Duration byLogin = waitFor(loginKey(login));
		Duration byAddress = waitFor(addressKey(address));
		return byLogin.compareTo(byAddress) >= 0 ? byLogin : byAddress;
	}

	/**
	 * The wait for an attempt: a browser presenting a valid device cookie for the login is counted by
	 * that cookie alone; any other browser by login and by address.
	 */
	default Duration waitFor(String login, String address, String device) {
		return device == null ? waitFor(login, address) : waitFor(deviceKey(device));
	}

	default boolean isBlocked(String login, String address) {
		return !waitFor(login, address).isZero();
	}

	default void failed(String login, String address) {
		failed(new String[] { loginKey(login), addressKey(address) });
	}

	/** A successful sign-in clears the account's count, not the address's (one address, many guesses). */
	default void succeeded(String login) {
		clear(loginKey(login));
	}

	static String loginKey(String login) {
		return "login:" + (login == null ? "" : login.trim().toLowerCase(Locale.ROOT));
	}

	static String addressKey(String address) {
		return "addr:" + address;
	}

	static String deviceKey(String device) {
		return "device:" + device;
	}
}
