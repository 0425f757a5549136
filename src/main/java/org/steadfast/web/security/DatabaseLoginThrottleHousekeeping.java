package org.steadfast.web.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.steadfast.accounts.SecurityProperties;
import org.springframework.stereotype.Component;
import org.steadfast.ops.HousekeepingTask;

/**
 * Deletes failed sign-ins older than the throttle's window, which count for nothing: the throttle
 * itself does so on each failure, this catches the rows left when failures stop.
 */
@Component
@Order(2)
class DatabaseLoginThrottleHousekeeping implements HousekeepingTask {

	private final JdbcClient jdbc;
	private final Duration window;

	DatabaseLoginThrottleHousekeeping(JdbcClient jdbc, SecurityProperties security) {
		this.jdbc = jdbc;
		this.window = security.getLoginThrottle().getWindow();
	}

	@Override
	public String clean(Instant now) {
		return "removed " + DatabaseLoginThrottle.forgetOlderThan(jdbc, now.minus(window)) + " failed sign-ins";
	}
}
