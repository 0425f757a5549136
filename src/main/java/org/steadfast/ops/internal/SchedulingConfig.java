package org.steadfast.ops.internal;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, each behind a ShedLock lock in the {@code shedlock} table, so that with several
 * nodes each job runs on one of them at a time (on one node the lock costs a row update per run).
 * The database's clock decides lock times, so nodes with drifting clocks still agree.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfig {

	/** Jobs run on their schedules unless switched off ({@code steadfast.jobs.enabled=false}: tests run them by hand). */
	@Configuration
	@EnableScheduling
	@ConditionalOnProperty(name = "steadfast.jobs.enabled", havingValue = "true", matchIfMissing = true)
	static class Scheduling {
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.usingDbTime()
				.build());
	}
}
