package org.steadfast.ops.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.steadfast.common.Utc;
import org.steadfast.ops.HousekeepingTask;
import org.steadfast.ops.Jobs;

/**
 * Deletes what has outlived its use: each module's own {@link HousekeepingTask} (remember-me
 * tokens past their validity, failed sign-ins older than the throttle's window), and job records
 * older than a month. Hourly by default ({@code steadfast.jobs.housekeeping.cron}).
 */
@Component
class Housekeeping {

	static final String JOB = "housekeeping";

	private final JdbcClient jdbc;
	private final Jobs jobs;
	private final Clock clock;
	private final List<HousekeepingTask> tasks;

	Housekeeping(JdbcClient jdbc, Jobs jobs, Clock clock, List<HousekeepingTask> tasks) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.clock = clock;
		this.tasks = tasks;
	}

	@Scheduled(cron = "${steadfast.jobs.housekeeping.cron:0 17 * * * *}", zone = "UTC")
	@SchedulerLock(name = JOB, lockAtLeastFor = "${steadfast.jobs.housekeeping.lock-at-least:PT30S}", lockAtMostFor = "PT10M")
	void run() {
		jobs.run(JOB, this::clean);
	}

	String clean() {
		Instant now = clock.instant();
		List<String> done = new ArrayList<>();
		for (HousekeepingTask task : tasks) {
			done.add(task.clean(now));
		}
		int runs = jdbc.sql("delete from job_run where started_at < ?").param(Utc.of(now.minus(Duration.ofDays(30))))
				.update();
		done.add("removed " + runs + " job records");
		return String.join(", ", done);
	}
}
