package org.steadfast.search.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.steadfast.common.Utc;
import org.steadfast.ops.Jobs;

/**
 * In a cluster, index changes travel through Hibernate Search's outbox table. An event that fails
 * three times (the search cluster was down for longer than its retries) is set aside as ABORTED
 * and would never reach the index. Once search answers again, this puts such events back in line,
 * so an outage of any length ends with a complete index.
 */
@Component
@ConditionalOnProperty(name = "steadfast.cluster", havingValue = "true")
class OutboxRequeue {

	static final String JOB = "search-outbox-requeue";
	private static final Logger log = LoggerFactory.getLogger(OutboxRequeue.class);

	private final JdbcClient jdbc;
	private final SearchHealth health;
	private final Jobs jobs;
	private final Clock clock;

	OutboxRequeue(JdbcClient jdbc, SearchHealth health, Jobs jobs, Clock clock) {
		this.jdbc = jdbc;
		this.health = health;
		this.jobs = jobs;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${steadfast.search.requeue-interval:60s}", initialDelayString = "${steadfast.search.requeue-interval:60s}")
	@SchedulerLock(name = JOB, lockAtMostFor = "PT5M")
	void run() {
		if (jdbc.sql("select count(*) from hsearch_outbox_event where status = 'ABORTED'").query(Long.class).single() == 0) {
			return;
		}
		if (!searchAnswers()) {
			log.info("Search is still unreachable; index changes wait in the outbox");
			return;
		}
		jobs.run(JOB, () -> {
			int requeued = jdbc.sql("update hsearch_outbox_event set status = 'PENDING', retries = 0, process_after = ? "
					+ "where status = 'ABORTED'")
					.param(Utc.of(clock.instant()))
					.update();
			log.info("Search answers again: {} index changes set aside during the outage are back in line", requeued);
			return "requeued " + requeued;
		});
	}

	private boolean searchAnswers() {
		return Status.UP.equals(health.health().getStatus());
	}
}
