package org.steadfast.notifications;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.steadfast.notifications.internal.DigestJob;

/**
 * The digest run as other modules may start it: the scheduled job does the same on its cron,
 * under its lock. The benchmark uses it to time one composition for a large community.
 */
@Service
public class Digests {

	/** What one run did: subscribers walked, digests due, mails written, due digests with nothing new. */
	public record Run(int subscribers, int due, int written, int nothingNew) {
	}

	private final DigestJob job;

	Digests(DigestJob job) {
		this.job = job;
	}

	/** Writes every digest due at {@code now}, once. */
	public Run composeDue(Instant now) {
		DigestJob.Result result = job.runAt(now);
		return new Run(result.subscribers(), result.due(), result.sent(), result.nothingNew());
	}
}
