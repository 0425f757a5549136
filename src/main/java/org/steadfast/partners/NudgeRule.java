package org.steadfast.partners;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a member counts as late with today's check-in: their usual hour plus a grace period, in
 * their own time zone, on their own calendar day. A usual hour that does not exist that day (the
 * hour skipped when clocks go forward) counts from the moment the clocks land on; a repeated hour
 * counts from its first occurrence. When the hour plus the grace runs past midnight, the day that
 * is late is still the day the member was meant to check in, for a few hours into the next.
 */
public final class NudgeRule {

	/** How long after the moment a member became late a nudge is still worth sending. */
	static final Duration WINDOW = Duration.ofHours(12);

	private NudgeRule() {
	}

	/** The member's local day on which they are late at {@code now}, if any. */
	public static Optional<LocalDate> lateOn(ZoneId zone, int usualHour, Duration grace, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		for (LocalDate day : new LocalDate[] { today, today.minusDays(1) }) {
			Instant due = dueAt(zone, usualHour, grace, day);
			boolean spillsIntoNextDay = !LocalDate.ofInstant(due, zone).equals(day);
			if ((day.equals(today) || spillsIntoNextDay) && !now.isBefore(due) && now.isBefore(due.plus(WINDOW))) {
				return Optional.of(day);
			}
		}
		return Optional.empty();
	}

	/** The moment a member who usually checks in at {@code usualHour} becomes late on {@code day}. */
	public static Instant dueAt(ZoneId zone, int usualHour, Duration grace, LocalDate day) {
		return day.atTime(usualHour, 0).atZone(zone).toInstant().plus(grace);
	}
}
