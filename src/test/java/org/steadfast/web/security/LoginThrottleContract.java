package org.steadfast.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What every {@link LoginThrottle} must do; one subclass per implementation. */
abstract class LoginThrottleContract {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T20:00:00Z"));
	final LoginThrottle throttle = create(5, Duration.ofMinutes(5), clock);

	abstract LoginThrottle create(int maxFailures, Duration window, Clock clock);

	@Test
	void fiveFailuresForOneAccountMakeItWait() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("hope", "10.0.0." + i);
		}
		assertThat(throttle.isBlocked("hope", "10.0.0.99")).isFalse();
		throttle.failed("HOPE", "10.0.0.5");
		assertThat(throttle.isBlocked("hope", "10.0.0.99")).isTrue();
		assertThat(throttle.waitFor("hope", "10.0.0.99")).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void fiveFailuresFromOneAddressBlockEveryLoginFromIt() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("guess" + i, "192.0.2.1");
		}
		assertThat(throttle.isBlocked("someone-else", "192.0.2.1")).isTrue();
		assertThat(throttle.isBlocked("someone-else", "192.0.2.2")).isFalse();
	}

	@Test
	void unknownAndKnownAccountsAreCountedAlike() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("no-such-member", "198.51.100." + i);
		}
		assertThat(throttle.isBlocked("no-such-member", "198.51.100.200")).isTrue();
	}

	@Test
	void failuresAgeOutOfTheWindow() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("hope", "10.0.0.1");
			clock.advance(Duration.ofSeconds(30));
		}
		assertThat(throttle.isBlocked("hope", "10.0.0.1")).isTrue();
		// The first failure was at 0:00; at 5:00 it leaves the window and the count drops to four.
		clock.advance(Duration.ofSeconds(150));
		assertThat(throttle.isBlocked("hope", "10.0.0.1")).isFalse();
	}

	@Test
	void successClearsTheAccountButNotTheAddress() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("hope", "10.0.0.1");
		}
		throttle.succeeded("hope");
		throttle.failed("hope", "10.0.0.1");
		assertThat(throttle.isBlocked("hope", "10.0.0.2")).isFalse();
		assertThat(throttle.isBlocked("other", "10.0.0.1")).isTrue();
	}

	@Test
	void aDeviceCookieIsCountedOnItsOwnAndLocksOutAlone() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("hope", "10.0.0." + i);
		}
		assertThat(throttle.waitFor("hope", "10.0.0.99", null)).isPositive();
		assertThat(throttle.waitFor("hope", "10.0.0.99", "my-device")).isZero();
		for (int i = 0; i < 5; i++) {
			throttle.failed(LoginThrottle.deviceKey("my-device"));
		}
		assertThat(throttle.waitFor("hope", "10.0.0.99", "my-device")).isEqualTo(Duration.ofMinutes(5));
		assertThat(throttle.waitFor("hope", "10.0.0.99", "another-device")).isZero();
		assertThat(throttle.waitFor("someone-else", "10.0.0.98")).isZero();
		throttle.clear(LoginThrottle.deviceKey("my-device"));
		assertThat(throttle.waitFor("hope", "10.0.0.99", "my-device")).isZero();
	}

	static final class MutableClock extends Clock {
		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration d) {
			now = now.plus(d);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
