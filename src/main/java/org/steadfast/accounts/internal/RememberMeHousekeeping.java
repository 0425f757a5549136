package org.steadfast.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.steadfast.accounts.SecurityProperties;
import org.springframework.stereotype.Component;
import org.steadfast.common.Utc;
import org.steadfast.ops.HousekeepingTask;

/** Deletes remember-me tokens past their validity: they sign nobody in any more. */
@Component
@Order(1)
class RememberMeHousekeeping implements HousekeepingTask {

	private final JdbcClient jdbc;
	private final Duration rememberMe;

	RememberMeHousekeeping(JdbcClient jdbc, SecurityProperties security) {
		this.jdbc = jdbc;
		this.rememberMe = security.getRememberMeDays();
	}

	@Override
	public String clean(Instant now) {
		int tokens = jdbc.sql("delete from persistent_logins where last_used < ?").param(Utc.of(now.minus(rememberMe)))
				.update();
		return "removed " + tokens + " remember-me tokens";
	}
}
