package org.steadfast.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Today" and Day N in the member's zone, across midnight and daylight-saving changes. */
class PlanCalendarTest {

	static Clock at(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	@ParameterizedTest(name = "{0} at {1} is {2}")
	@CsvSource({
			// Auckland is UTC+13 in (southern) summer: 11:30 UTC is already the next day there.
			"Pacific/Auckland, 2026-11-25T11:30:00Z, 2026-11-26",
			"Pacific/Auckland, 2026-11-25T10:59:59Z, 2026-11-25",
			"America/Los_Angeles, 2026-11-25T07:59:59Z, 2026-11-24",
			"America/Los_Angeles, 2026-11-25T08:00:00Z, 2026-11-25",
			"Asia/Kolkata, 2026-11-24T18:29:59Z, 2026-11-24",
			"Asia/Kolkata, 2026-11-24T18:30:00Z, 2026-11-25",
			"UTC, 2026-11-24T23:59:59Z, 2026-11-24",
			"UTC, 2026-11-25T00:00:00Z, 2026-11-25" })
	void todayIsTheDateInTheMembersZone(String zone, String instant, String today) {
		assertThat(PlanCalendar.today(at(instant), ZoneId.of(zone))).isEqualTo(LocalDate.parse(today));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({
			// US spring forward 2026-03-08 (a 23-hour day) and fall back 2026-11-01 (a 25-hour day).
			"America/Los_Angeles, 2026-03-08T07:59:00Z, 2026-03-07, 2026-03-01, 7",
			"America/Los_Angeles, 2026-03-08T08:01:00Z, 2026-03-08, 2026-03-01, 8",
			"America/Los_Angeles, 2026-03-09T06:59:00Z, 2026-03-08, 2026-03-01, 8",
			"America/Los_Angeles, 2026-03-09T07:00:00Z, 2026-03-09, 2026-03-01, 9",
			"America/Los_Angeles, 2026-11-02T07:59:00Z, 2026-11-01, 2026-10-30, 3",
			"America/Los_Angeles, 2026-11-02T08:00:00Z, 2026-11-02, 2026-10-30, 4",
			// New Zealand: daylight time ends 2026-04-05 and starts 2026-09-27.
			"Pacific/Auckland, 2026-04-05T11:59:00Z, 2026-04-05, 2026-04-01, 5",
			"Pacific/Auckland, 2026-04-05T12:00:00Z, 2026-04-06, 2026-04-01, 6",
			"Pacific/Auckland, 2026-09-27T10:59:00Z, 2026-09-27, 2026-09-20, 8",
			"Pacific/Auckland, 2026-09-27T11:00:00Z, 2026-09-28, 2026-09-20, 9" })
	void dayNumbersTurnOverAtLocalMidnightThroughDaylightSavingChanges(String zone, String instant, String today,
			String start, long day) {
		LocalDate local = PlanCalendar.today(at(instant), ZoneId.of(zone));
		assertThat(local).isEqualTo(LocalDate.parse(today));
		assertThat(Streaks.of(LocalDate.parse(start), List.of(), local).dayNumber()).isEqualTo(day);
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-25, 2026-11-25, true", "2026-11-24, 2026-11-25, true", "2026-11-23, 2026-11-25, false",
			"2026-11-26, 2026-11-25, false" })
	void checkInsAreForTodayOrYesterdayOnly(String day, String today, boolean allowed) {
		assertThat(PlanCalendar.isCheckInDay(LocalDate.parse(day), LocalDate.parse(today))).isEqualTo(allowed);
	}
}
