package org.steadfast.web.security;

import java.time.Duration;
import java.util.Locale;

/**
 * Counts failed sign-ins per typed login and per client address within a sliding window. After
 * {@code maxFailures} failures on either key, sign-in is refused until the oldest failure ages out.
 * The typed login is counted whether or not such an account exists, so the answer never reveals
 * which accounts exist. One node counts in memory ({@link MemoryLoginThrottle}); nodes of a
 * cluster count together in the database ({@link DatabaseLoginThrottle}), so that adding nodes
 * doesn't multiply the guesses allowed.
 */
public interface LoginThrottle {

	/** How long until this login from this address may try again; zero when it may now. */
	Duration waitFor(String login, String address);

	default boolean isBlocked(String login, String address) {
		return !waitFor(login, address).isZero();
	}

	void failed(String login, String address);

	/** A successful sign-in clears the account's count, not the address's (one address, many guesses). */
	void succeeded(String login);

	static String loginKey(String login) {
		return "login:" + (login == null ? "" : login.trim().toLowerCase(Locale.ROOT));
	}

	static String addressKey(String address) {
		return "addr:" + address;
	}
}
