package org.steadfast.ops;

import java.time.Instant;

/**
 * A module's own clean-up of rows that outlived their use, in its own tables. Every task bean runs
 * in the hourly housekeeping job, under its lock, so with several nodes one of them does it.
 */
public interface HousekeepingTask {

	/** Deletes what is too old at {@code now}; returns a short summary ("removed 3 remember-me tokens"). */
	String clean(Instant now);
}
