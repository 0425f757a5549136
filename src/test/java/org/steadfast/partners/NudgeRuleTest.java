package org.steadfast.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NudgeRuleTest {

	private static final Duration GRACE = Duration.ofHours(2);

	private static Clock at(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	@Test
	void lateOnlyAfterTheUsualHourPlusTheGraceInTheMembersOwnZone() {
		ZoneId london = ZoneId.of("Europe/London");
		// 20:00 + 2 h in London in winter (UTC+0) is 22:00 UTC.
		assertThat(NudgeRule.lateOn(london, 20, GRACE, at("2026-01-15T21:59:00Z").instant())).isEmpty();
		assertThat(NudgeRule.lateOn(london, 20, GRACE, at("2026-01-15T22:00:00Z").instant()))
				.contains(LocalDate.of(2026, 1, 15));
		// In summer (UTC+1) the same local hour is an hour earlier in UTC.
		assertThat(NudgeRule.lateOn(london, 20, GRACE, at("2026-07-15T21:00:00Z").instant()))
				.contains(LocalDate.of(2026, 7, 15));
	}

	@Test
	void theDayIsTheMembersOwnOnBothSidesOfTheDateLine() {
		Instant now = at("2026-03-02T09:30:00Z").instant();
		// Kiritimati (UTC+14) is already at 23:30 on 2 March; Pago Pago (UTC-11) at 22:30 on 1 March.
		assertThat(NudgeRule.lateOn(ZoneId.of("Pacific/Kiritimati"), 20, GRACE, now)).contains(LocalDate.of(2026, 3, 2));
		assertThat(NudgeRule.lateOn(ZoneId.of("Pacific/Pago_Pago"), 20, GRACE, now)).contains(LocalDate.of(2026, 3, 1));
		// Auckland in its summer (UTC+13): 22:30 on 2 March, late for that day.
		assertThat(NudgeRule.lateOn(ZoneId.of("Pacific/Auckland"), 20, GRACE, now)).contains(LocalDate.of(2026, 3, 2));
	}

	@Test
	void anHourSkippedByDaylightSavingCountsFromWhenTheClocksLand() {
		ZoneId newYork = ZoneId.of("America/New_York");
		// 8 March 2026: 02:00 does not exist in New York; 02:00 becomes 03:00 EDT (07:00 UTC), plus grace 09:00 UTC.
		assertThat(NudgeRule.dueAt(newYork, 2, GRACE, LocalDate.of(2026, 3, 8))).isEqualTo(Instant.parse("2026-03-08T09:00:00Z"));
		assertThat(NudgeRule.lateOn(newYork, 2, GRACE, Instant.parse("2026-03-08T08:59:00Z"))).isEmpty();
		assertThat(NudgeRule.lateOn(newYork, 2, GRACE, Instant.parse("2026-03-08T09:00:00Z")))
				.contains(LocalDate.of(2026, 3, 8));
		// 1 November 2026: 01:00 happens twice; the first (EDT, 05:00 UTC) counts.
		assertThat(NudgeRule.dueAt(newYork, 1, Duration.ZERO, LocalDate.of(2026, 11, 1)))
				.isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
	}

	@Test
	void aLateHourPlusGraceThatRunsPastMidnightStillBelongsToTheDayBefore() {
		ZoneId utc = ZoneOffset.UTC;
		// Usual hour 23:00 + 2 h: late from 01:00 the next morning, for the day before.
		assertThat(NudgeRule.lateOn(utc, 23, GRACE, Instant.parse("2026-05-10T00:30:00Z"))).isEmpty();
		assertThat(NudgeRule.lateOn(utc, 23, GRACE, Instant.parse("2026-05-10T01:00:00Z")))
				.contains(LocalDate.of(2026, 5, 9));
		// An ordinary evening hour does not reach back to yesterday the next morning.
		assertThat(NudgeRule.lateOn(utc, 20, GRACE, Instant.parse("2026-05-10T08:00:00Z"))).isEmpty();
	}
}
