package org.steadfast.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@link LoginThrottle} in this node's memory: one node, or nodes that each count for themselves.
 */
public class MemoryLoginThrottle implements LoginThrottle {

	private final int maxFailures;
	private final Duration window;
	private final Clock clock;
	private final Cache<String, Deque<Instant>> failures;

	public MemoryLoginThrottle(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
		this.failures = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(window.multipliedBy(2)).build();
	}

	@Override
	public Duration waitFor(String key) {
		return waitFor(key, clock.instant());
	}

	@Override
	public void failed(String... keys) {
		Instant now = clock.instant();
		for (String key : keys) {
			record(key, now);
		}
	}

	@Override
	public void clear(String key) {
		failures.invalidate(key);
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

}
