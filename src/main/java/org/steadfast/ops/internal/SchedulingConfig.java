package org.steadfast.ops.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, each behind a ShedLock lock in the {@code shedlock} table, so that with several
 * nodes each job runs on one of them at a time (on one node the lock costs a row update per run).
 * The database's clock decides lock times, so nodes with drifting clocks still agree.
 *
 * <p>Locks are kept alive: while a job runs, its node extends the lock every half
 * {@code lockAtMostFor} by another {@code lockAtMostFor}, so a live node never loses the lock of a
 * job it is still running, however long the run. {@code lockAtMostFor} is therefore not a guess at
 * the longest run but how long a crashed node's lock blocks the others: a node killed mid-run stops
 * extending, and its lock lapses at most {@code lockAtMostFor} after its last extension. Each job
 * keeps it short (minutes), and ShedLock's keep-alive needs at least 30 s.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfig implements DisposableBean {

	/** Jobs run on their schedules unless switched off ({@code steadfast.jobs.enabled=false}: tests run them by hand). */
	@Configuration
	@EnableScheduling
	@ConditionalOnProperty(name = "steadfast.jobs.enabled", havingValue = "true", matchIfMissing = true)
	static class Scheduling {
	}

	/**
	 * One daemon thread that extends the locks of running jobs; it ends with the application. Not a
	 * bean: a {@code ScheduledExecutorService} bean would become the scheduler of every job.
	 */
	private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "shedlock-keep-alive");
		thread.setDaemon(true);
		return thread;
	});

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new KeepAliveLockProvider(jdbcLockProvider(dataSource), keepAlive);
	}

	@Override
	public void destroy() {
		keepAlive.shutdownNow();
	}

	/** The lock rows themselves, timed by the database's clock. */
	static JdbcTemplateLockProvider jdbcLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
				.withJdbcTemplate(new JdbcTemplate(dataSource))
				.usingDbTime()
				.build());
	}
}
