package org.steadfast.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" for a member is the date in their own time zone, not the server's. */
public final class PlanCalendar {

	private PlanCalendar() {
	}

	public static LocalDate today(Clock clock, ZoneId zone) {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	/** A check-in may be for today or yesterday in the member's zone: late-night check-ins count for the day they end. */
	public static boolean isCheckInDay(LocalDate day, LocalDate today) {
		return day.equals(today) || day.equals(today.minusDays(1));
	}
}
