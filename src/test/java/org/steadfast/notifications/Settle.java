package org.steadfast.notifications;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Module listeners run after commit on another thread. Tests wait until the events published
 * since they started have been handled, so that "nothing arrived" means nothing will.
 */
final class Settle {

	private Settle() {
	}

	static void events(JdbcTemplate jdbc, LocalDateTime since) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			Integer open = jdbc.queryForObject(
					"select count(*) from event_publication where completion_date is null and publication_date >= ?",
					Integer.class, since);
			if (open == 0) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	static LocalDateTime mark() {
		return LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1);
	}
}
