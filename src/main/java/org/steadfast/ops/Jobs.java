package org.steadfast.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.steadfast.common.Utc;

/**
 * Records each run of a scheduled job in {@code job_run}: which job, on which node, when, and how it
 * ended. Jobs call {@link #run} inside their {@code @SchedulerLock}ed method, so a row means the lock
 * was held: with several nodes, one row per tick.
 */
@Component
public class Jobs {

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final NodeName node;

	Jobs(JdbcClient jdbc, Clock clock, NodeName node) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.node = node;
	}

	/** Runs the work, recording it; the outcome is a short summary the work returns. */
	public void run(String job, Supplier<String> work) {
		Instant started = clock.instant();
		long id = record(job, started);
		String outcome;
		try {
			outcome = work.get();
		}
		catch (RuntimeException e) {
			finish(id, "failed: " + e.getClass().getSimpleName());
			log.error("Scheduled job {} failed", job, e);
			return;
		}
		finish(id, outcome);
	}

	private long record(String job, Instant started) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into job_run (job, node, started_at) values (?, ?, ?)")
				.params(job, node.value(), Utc.of(started))
				.update(keys, "id");
		return keys.getKey().longValue();
	}

	private void finish(long id, String outcome) {
		String text = outcome == null ? "" : outcome;
		jdbc.sql("update job_run set finished_at = ?, outcome = ? where id = ?")
				.params(Utc.of(clock.instant()), text.length() > 500 ? text.substring(0, 500) : text, id)
				.update();
	}

}
