package org.steadfast.web.security;

import java.time.Clock;
import java.time.Duration;

class MemoryLoginThrottleTest extends LoginThrottleContract {

	@Override
	LoginThrottle create(int maxFailures, Duration window, Clock clock) {
		return new MemoryLoginThrottle(maxFailures, window, clock);
	}
}
