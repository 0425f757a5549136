package org.steadfast.ops.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.steadfast.accounts.SecurityProperties;
import org.steadfast.ops.Jobs;

/**
 * Deletes what has outlived its use: remember-me tokens past their validity, failed sign-ins older
 * than the throttle's window, and job records older than a month. Hourly by default
 * ({@code steadfast.jobs.housekeeping.cron}).
 */
@Component
class Housekeeping {

	static final String JOB = "housekeeping";

	private final JdbcClient jdbc;
	private final Jobs jobs;
	private final Clock clock;
	private final Duration rememberMe;
	private final Duration throttleWindow;

	Housekeeping(JdbcClient jdbc, Jobs jobs, Clock clock, SecurityProperties security) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.clock = clock;
		this.rememberMe = security.getRememberMeDays();
		this.throttleWindow = security.getLoginThrottle().getWindow();
	}

	@Scheduled(cron = "${steadfast.jobs.housekeeping.cron:0 17 * * * *}", zone = "UTC")
	@SchedulerLock(name = JOB, lockAtLeastFor = "${steadfast.jobs.housekeeping.lock-at-least:PT30S}", lockAtMostFor = "PT10M")
	void run() {
		jobs.run(JOB, this::clean);
	}

	String clean() {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		int tokens = jdbc.sql("delete from persistent_logins where last_used < ?").param(now.minus(rememberMe)).update();
		int failures = jdbc.sql("delete from login_failure where failed_at < ?").param(now.minus(throttleWindow)).update();
		int runs = jdbc.sql("delete from job_run where started_at < ?").param(now.minusDays(30)).update();
		return "removed " + tokens + " remember-me tokens, " + failures + " failed sign-ins, " + runs + " job records";
	}
}
