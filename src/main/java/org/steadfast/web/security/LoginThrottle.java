package org.steadfast.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Counts failed sign-ins per typed login and per client address within a sliding window. After
 * {@code maxFailures} failures on either key, sign-in is refused until the oldest failure ages out.
 * The typed login is counted whether or not such an account exists, so the answer never reveals
 * which accounts exist.
 */
public class LoginThrottle {

	private final int maxFailures;
	private final Duration window;
	private final Clock clock;
	private final Cache<String, Deque<Instant>> failures;

	public LoginThrottle(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
		this.failures = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(window.multipliedBy(2)).build();
	}

	/** How long until this login from this address may try again; zero when it may now. */
	public Duration waitFor(String login, String address) {
		Instant now = clock.instant();
		Duration byLogin = waitFor(loginKey(login), now);
		Duration byAddress = waitFor(addressKey(address), now);
		return byLogin.compareTo(byAddress) >= 0 ? byLogin : byAddress;
	}

	public boolean isBlocked(String login, String address) {
		return !waitFor(login, address).isZero();
	}

	public void failed(String login, String address) {
		Instant now = clock.instant();
		record(loginKey(login), now);
		record(addressKey(address), now);
	}

	/** A successful sign-in clears the account's count, not the address's (one address, many guesses). */
	public void succeeded(String login) {
		failures.invalidate(loginKey(login));
	}

	private Duration waitFor(String key, Instant now) {
		Deque<Instant> recent = failures.getIfPresent(key);
		if (recent == null) {
			return Duration.ZERO;
		}
		synchronized (recent) {
			prune(recent, now);
			if (recent.size() < maxFailures) {
				return Duration.ZERO;
			}
			return Duration.between(now, recent.peekFirst().plus(window));
		}
	}

	private void record(String key, Instant now) {
		Deque<Instant> recent = failures.get(key, k -> new ArrayDeque<>());
		synchronized (recent) {
			prune(recent, now);
			recent.addLast(now);
			while (recent.size() > maxFailures) {
				recent.removeFirst();
			}
		}
	}

	private void prune(Deque<Instant> recent, Instant now) {
		Instant cutoff = now.minus(window);
		while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
			recent.removeFirst();
		}
	}

	private static String loginKey(String login) {
		return "login:" + (login == null ? "" : login.trim().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "addr:" + address;
	}
}
